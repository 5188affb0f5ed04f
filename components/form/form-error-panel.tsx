import { AppLink as Link } from "@/components/ui/app-link";
import { ErrorPanel } from "@/components/ui/state-panels";
import type { FieldErrors, FormError } from "@/lib/forms/action-result";

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

/**
 * A name that is taken is the name field's error, shown there with the link to the existing
 * object; the same words are not repeated above or below the form.
 */
export function splitNameError(errors: FieldErrors, formError: FormError | undefined) {
  const onName = Boolean(errors.name && formError?.next);
  return { nameNext: onName ? formError?.next : undefined, formError: onName ? undefined : formError };
}
