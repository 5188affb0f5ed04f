// The one validation of a LoadBalancer and its settings that create and edit both run (in the
// browser for instant feedback, on the server again): the platform's policy rules (policy.ts) as
// form errors, each naming its field. Pure and isomorphic.
import type { FieldErrors } from "../forms/action-result";
import { domainProblem, headerProblem, type SharedTarget, targetProblem } from "./policy";

export interface RuleInput {
  spec: { domain?: unknown; targetService?: unknown; targetServiceNamespace?: unknown };
  /** the settings' `custom-header` value, if any, and the form field that holds it */
  header?: { value: string; field: string };
  /** the platform's shared targets; unknown in the browser, where the target is not judged */
  shared?: SharedTarget[];
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Errors by field; fields that already have an error (e.g. from the form validator) are kept. */
export function ruleErrors(input: RuleInput, errors: FieldErrors = {}): FieldErrors {
  const put = (field: string, message: string | null) => {
    if (message && !errors[field]) errors[field] = message;
  };
  const { domain, targetService, targetServiceNamespace } = input.spec;
  if (typeof domain === "string") put("spec.domain", domainProblem(domain));
  const header = input.header && headerProblem(input.header.value);
  if (input.header && header) put(input.header.field, sentence(header));
  if (input.shared && typeof targetServiceNamespace === "string" && typeof targetService === "string") {
    const problem = targetProblem(input.shared, { namespace: targetServiceNamespace, service: targetService });
    put("spec.targetServiceNamespace", problem);
  }
  return errors;
}
