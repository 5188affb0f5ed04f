// The one place where errors become what a form shows: every server action's failure is a
// FormFailure (lib/forms/action-result.ts), whatever threw. Pure.
import type { z } from "zod";
import { BindingLimitError, BindStepError, NotYourBindingError } from "../bind/bind-errors";
import type { FieldErrors, FormError, FormFailure } from "../forms/action-result";
import { KubeError } from "../k8s/errors";
import type { PortalError } from "../result";

/** The session is gone (never there, expired, refused by the identity provider or signed out). */
export function signInAgain(returnTo: string): FormFailure {
  return failure("Unauthorized", "Your session has ended, so nothing was done. Sign in again, then repeat this step.", {
    href: `/signin?callbackUrl=${encodeURIComponent(returnTo)}`,
    label: "Sign in again",
  });
}

/** Each zod issue under its field's path ("form" for the input as a whole); the first per field. */
export function invalidInput(error: z.ZodError): FormFailure {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
  return { ok: false, reason: "Invalid", fieldErrors };
}

const isPortalError = (e: unknown): e is PortalError =>
  typeof (e as PortalError | null)?.status === "number" && typeof (e as PortalError).message === "string";

/**
 * An expected failure as the form's error: a Kubernetes error (KubeError), a portal error
 * (lib/result.ts) or a refused bind. Anything else is a bug and is rethrown, so it is logged and
 * the caller's settleAction shows the generic message.
 */
export function toActionFailure(e: unknown): FormFailure {
  if (e instanceof NotYourBindingError || e instanceof BindingLimitError) return failure("Forbidden", `${e.message}.`);
  if (e instanceof BindStepError) return failure(e.reason, e.message);
  if (e instanceof KubeError || isPortalError(e)) {
    const where = e.cluster ? `The ${e.cluster} cluster` : "The portal";
    if (e.status === 0) return failure(e.reason, `${where} did not answer; try again.`);
    return failure(e.reason, `${where} refused: ${e.message}`);
  }
  throw e;
}

function failure(reason: string, message: string, next?: FormError["next"]): FormFailure {
  return { ok: false, reason, fieldErrors: {}, formError: next ? { message, next } : { message } };
}
