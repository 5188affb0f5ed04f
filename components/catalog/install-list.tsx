import { describeInstall } from "@/lib/catalog/describe";

/** What a bind installs on the named cluster: said before the user consents. */
export function InstallList({
  cluster,
  binding,
  headingLevel = 3,
}: {
  cluster: string;
  binding: string;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="text-sm">
      <H className="font-semibold">
        What gets installed on <span data-testid="consent-cluster">{cluster}</span>
      </H>
      <ul className="mt-1 list-disc pl-5">
        {describeInstall(binding).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
