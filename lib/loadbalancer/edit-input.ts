// The edit form's input (domain, port, header value) and its checks. Pure and isomorphic.
import { z } from "zod";
import type { FieldErrors } from "../schema/action-result";
import type { FormModel } from "../schema/form-model";
import { fieldErrorsOf, formValidator } from "../schema/validator";
import { LoadBalancerName, NamespaceName, unreadableForm } from "./names";

export const EDITABLE_FIELDS = ["spec.domain", "spec.targetPort"];
export const HEADER_FIELD = "header";
const HEADER_VALUE = /^[\x20-\x7e\t]*$/;

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
      header: z.string().max(8192).optional(),
    })
    .optional(),
  values: z.record(z.string(), z.union([z.string(), z.boolean()])),
  header: z.string().max(8192),
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
  if (header.length > 4096)
    errors[HEADER_FIELD] = `The header value must be at most 4096 characters (it has ${header.length}).`;
  else if (!HEADER_VALUE.test(header)) {
    errors[HEADER_FIELD] = "The header value may contain only printable ASCII characters, without line breaks.";
  }
  if (!spec.success || Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    draft: { namespace, name, expected, spec: (spec.data.spec ?? {}) as EditDraft["spec"], header },
  };
}
