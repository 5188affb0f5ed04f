// Stable element ids for a field path ("spec.domain" → "field-spec-domain"), so labels, help and
// error messages can be tied to their input with aria-describedby.
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

export function helpId(path: string): string {
  return `${fieldId(path)}-help`;
}

/** The aria attributes of an input with optional help and error text. */
export function describedBy(path: string, opts: { help?: boolean; error?: string }) {
  const ids = [opts.error ? errorId(path) : null, opts.help ? helpId(path) : null].filter(Boolean);
  return {
    id: fieldId(path),
    "aria-invalid": opts.error ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

/** Moves focus to the first field with an error, in document order. */
export function focusFirstError(errors: Record<string, string>): void {
  const targets = Object.keys(errors)
    .map((path) => document.getElementById(fieldId(path)))
    .filter((el): el is HTMLElement => el !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  targets[0]?.focus();
}
