// Form model → zod validator: turns the form's text values into the object the apiserver gets,
// with one plain-language message per field. Pure and isomorphic (runs in the browser too).
import { z } from "zod";
import type { FieldErrors } from "./action-result";
import type { FormField, FormModel } from "./form-model";
import { type FieldCheck, parseField } from "./parse-field";

export type FormValues = Record<string, string | boolean | undefined>;
export type { FieldErrors } from "./action-result";

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const k of keys.slice(0, -1)) {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** {"spec.a": 1, "spec.b": undefined} → {spec: {a: 1}} */
export function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) if (value !== undefined) setPath(out, path, value);
  return out;
}

/**
 * The validator for a model: input is the form's values keyed by field path, output is the
 * nested object fragment (e.g. {spec: {...}}). Fields the form cannot edit are ignored; every
 * field is checked, so all problems show at once.
 */
export function formValidator(model: FormModel) {
  const editable = model.fields.filter((f) => f.kind !== "unsupported");
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const values: Record<string, unknown> = {};
    for (const f of editable) {
      const r: FieldCheck = parseField(f, raw[f.path]);
      if (r.error !== undefined) ctx.addIssue({ code: "custom", path: [f.path], message: r.error });
      else values[f.path] = r.value;
    }
    checkParents(editable, values, ctx);
    return nest(values);
  });
}

/** Fields in an optional object that become required once a sibling is set. */
function checkParents(fields: FormField[], values: Record<string, unknown>, ctx: z.RefinementCtx) {
  const setParents = new Set(fields.filter((f) => values[f.path] !== undefined).map((f) => f.parent));
  for (const f of fields) {
    if (f.required || !f.requiredInParent || values[f.path] !== undefined || !(f.path in values)) continue;
    if (setParents.has(f.parent)) {
      ctx.addIssue({ code: "custom", path: [f.path], message: `${f.label} is required when ${f.parent} is set.` });
    }
  }
}

/** One message per field from a failed parse, keyed by the first path segment (a field path). */
export function fieldErrorsOf(error: z.ZodError, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = prefix + issue.path.map(String).join(".");
    out[key || "form"] ??= issue.message;
  }
  return out;
}
