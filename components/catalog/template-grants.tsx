import { describeClaim, describeResource } from "@/lib/catalog/describe";
import type { ExportTemplate } from "@/lib/catalog/templates";

/**
 * What binding an export grants, in plain words: what you get, and what the provider reads from
 * your cluster. Used by the catalog and both consent steps (browser and kubectl bind).
 */
export function TemplateGrants({
  template,
  kinds,
  headingLevel = 3,
}: {
  template: ExportTemplate;
  kinds: Record<string, string>;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col gap-3 text-sm">
      <div>
        <H className="font-semibold">You get</H>
        <ul className="mt-1 list-disc pl-5">
          {template.spec.resources.map((r) => (
            <li key={`${r.group}/${r.resource}`}>{describeResource(r, template.spec.scope, kinds)}</li>
          ))}
        </ul>
      </div>
      <div>
        <H className="font-semibold">What the provider reads from your cluster</H>
        <ul className="mt-1 list-disc pl-5">
          {template.spec.permissionClaims.length === 0 ? <li>Nothing beyond the objects above.</li> : null}
          {template.spec.permissionClaims.map((c) => (
            <li key={`${c.group}/${c.resource}`}>{describeClaim(c, kinds)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
