import { AppLink as Link } from "@/components/ui/app-link";
import { ErrorPanel } from "@/components/ui/state-panels";
import type { FormError } from "@/lib/schema/action-result";

/** A failure that belongs to no single field, with the next step when there is one. */
export function FormErrorPanel({ error, title = "Not done" }: { error: FormError; title?: string }) {
  return (
    <ErrorPanel title={title}>
      <p>{error.message}</p>
      {error.next ? (
        <p className="mt-2">
          <Link href={error.next.href} className="underline">
            {error.next.label}
          </Link>
        </p>
      ) : null}
    </ErrorPanel>
  );
}
