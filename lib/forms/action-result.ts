// The result of a form action: success with data, or expected failures the form shows next to
// fields (fieldErrors, keyed by field path) and above the form (formError, with the next step).
export type FieldErrors = Record<string, string>;

export interface FormError {
  message: string;
  /** where to go next, e.g. the catalog when an API is not bound */
  next?: { href: string; label: string };
  /** commands for someone with more rights to run instead */
  commands?: string[];
}

/** `reason` is the Kubernetes-style reason when known: Unauthorized, Invalid, Forbidden, … */
export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError?: FormError; reason?: string };
export type FormResult<T extends object = object> = ({ ok: true } & T) | FormFailure;

export function fail(fieldErrors: FieldErrors, formError?: FormError): FormFailure {
  return formError ? { ok: false, fieldErrors, formError } : { ok: false, fieldErrors };
}
