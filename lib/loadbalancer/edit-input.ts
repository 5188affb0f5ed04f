// The edit form's input (domain, port, header value) and its checks. Pure and isomorphic.
import { z } from "zod";
import type { FieldErrors } from "../forms/action-result";
import type { FormModel } from "../forms/form-model";
import { fieldErrorsOf, formValidator } from "../forms/validator";
import { LoadBalancerName, NamespaceName, unreadableForm } from "./names";
import { ruleErrors } from "./rules";

export const EDITABLE_FIELDS = ["spec.domain", "spec.targetPort"];
export const HEADER_FIELD = "header";

export const EditInput = z.object({
  namespace: NamespaceName,
  name: LoadBalancerName,
  /**
   * The values the page showed. Controllers update the object's status all the time, so the
   * resourceVersion is no guard; a change to one of these fields since then is.
   */
  expected: z
    .object({
      domain: z.string().max(300).optional(),
      targetPort: z.number().optional(),
      header: z.string().max(1_048_576).optional(),
    })
    .optional(),
  values: z.record(z.string(), z.union([z.string(), z.boolean()])),
  // As much as a ConfigMap holds, so that an oversized value is refused by the rule that names it.
  header: z.string().max(1_048_576),
});
export type EditInput = z.infer<typeof EditInput>;

export interface EditDraft {
  namespace: string;
  name: string;
  expected?: { domain?: string; targetPort?: number; header?: string };
  spec: { domain?: string; targetPort?: number };
  header: string;
}

export function editModel(model: FormModel): FormModel {
  return { ...model, fields: model.fields.filter((f) => EDITABLE_FIELDS.includes(f.path)) };
}

export function parseEdit(
  model: FormModel,
  raw: unknown,
): { ok: true; draft: EditDraft } | { ok: false; fieldErrors: FieldErrors } {
  const input = EditInput.safeParse(raw);
  if (!input.success) return { ok: false, fieldErrors: { form: unreadableForm(input.error) } };
  const { namespace, name, expected, values, header } = input.data;
  const errors: FieldErrors = {};
  const spec = formValidator(editModel(model)).safeParse(values);
  if (!spec.success) Object.assign(errors, fieldErrorsOf(spec.error));
  ruleErrors({ spec: { domain: values["spec.domain"] }, header: { value: header, field: HEADER_FIELD } }, errors);
  if (!spec.success || Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    draft: { namespace, name, expected, spec: (spec.data.spec ?? {}) as EditDraft["spec"], header },
  };
}
