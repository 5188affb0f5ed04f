// The generic form's input (namespace, name and the schema fields of any bound kind) → the object
// fragment. Pure and isomorphic.
import { z } from "zod";
import type { FieldErrors } from "./action-result";
import type { FormModel } from "./form-model";
import { dns1123Label } from "./kubernetes-rules";
import { fieldErrorsOf, formValidator } from "./validator";

export const ResourceInput = z.object({
  namespace: z.string().max(300).optional(),
  name: z.string().max(300),
  values: z.record(z.string(), z.union([z.string(), z.boolean()])),
});

export interface ResourceDraft {
  namespace?: string;
  name: string;
  fragment: Record<string, unknown>;
}

export function parseResourceInput(
  model: FormModel,
  raw: unknown,
): { ok: true; draft: ResourceDraft } | { ok: false; fieldErrors: FieldErrors } {
  const input = ResourceInput.safeParse(raw);
  if (!input.success)
    return { ok: false, fieldErrors: { form: "The form sent data this page does not understand; reload the page." } };
  const errors: FieldErrors = {};
  const name = input.data.name.trim();
  const namespace = input.data.namespace?.trim() ?? "";
  if (!name) errors.name = "Name is required.";
  else {
    const bad = dns1123Label(name, "Name");
    if (bad) errors.name = bad;
  }
  if (model.namespaced) {
    if (!namespace) errors.namespace = "Choose a namespace.";
    else if (dns1123Label(namespace, "The namespace"))
      errors.namespace = dns1123Label(namespace, "The namespace") as string;
  }
  const spec = formValidator(model).safeParse(input.data.values);
  if (!spec.success) Object.assign(errors, fieldErrorsOf(spec.error));
  if (!spec.success || Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, draft: { namespace: model.namespaced ? namespace : undefined, name, fragment: spec.data } };
}
