// Extra help for one export, laid over the generated model: a schema says what is valid, hints say
// what a person needs to know (labels, help, Kubernetes rules the CRD does not spell out, pickers).
import type { FormField, FormModel } from "./form-model";
import type { Rule } from "./kubernetes-rules";

export interface FieldHint {
  label?: string;
  help?: string;
  placeholder?: string;
  rule?: Rule;
  /** required by the export's controllers even where the CRD does not say so */
  required?: boolean;
  /** a picker the UI offers for this field (e.g. "service", "configmap") */
  widget?: string;
}

export interface FormHints {
  /** field paths in the order the form shows them; others follow in schema order */
  order?: string[];
  fields?: Record<string, FieldHint>;
}

export function withHints(model: FormModel, hints: FormHints): FormModel {
  const fields = model.fields.map((f): FormField => {
    const h = hints.fields?.[f.path];
    if (!h) return f;
    const required = h.required ? { required: true, requiredInParent: true } : {};
    return {
      ...f,
      ...required,
      ...(h.label ? { label: h.label } : {}),
      ...(h.help ? { help: h.help } : {}),
      ...(h.placeholder ? { placeholder: h.placeholder } : {}),
      ...(h.rule ? { rule: h.rule } : {}),
      ...(h.widget ? { widget: h.widget } : {}),
    };
  });
  const rank = (path: string) => {
    const i = hints.order?.indexOf(path) ?? -1;
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  // Array.prototype.sort is stable: unranked fields keep their schema order.
  fields.sort((a, b) => rank(a.path) - rank(b.path));
  return { ...model, fields };
}
