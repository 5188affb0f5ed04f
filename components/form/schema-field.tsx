"use client";

import type { FormField } from "@/lib/forms/form-model";
import { FieldFrame, SelectField, TextField } from "./field-frame";
import { inputClass } from "./input-styles";

function helpText(f: FormField): string | undefined {
  const parts = [f.help, f.description];
  if (f.default !== undefined) parts.push(`Default: ${String(f.default)}.`);
  if (f.kind === "string-list") parts.push("One value per line.");
  if (f.kind === "string-map") parts.push("One key=value per line.");
  const text = parts.filter(Boolean).join(" ");
  return text || undefined;
}

/** One generated field: the control follows the schema type (text, number, choice, checkbox, list). */
export function SchemaField({
  field,
  value,
  error,
  onChange,
}: {
  field: FormField;
  value: string | boolean | undefined;
  error?: string;
  onChange: (value: string | boolean) => void;
}) {
  if (field.kind === "unsupported") {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <span className="font-medium">{field.label}</span> is {field.unsupported ?? "a value this form cannot edit"}, so
        set it with kubectl after creating the object.
      </p>
    );
  }
  if (field.kind === "boolean") {
    return (
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <span className="font-medium">{field.label}</span>
        {helpText(field) ? <span className="text-slate-600 dark:text-slate-400">— {helpText(field)}</span> : null}
      </label>
    );
  }
  const text = typeof value === "string" ? value : "";
  const frame = { path: field.path, label: field.label, required: field.required, help: helpText(field), error };
  if (field.kind === "enum") {
    const options = field.options?.map(String) ?? [];
    const placeholder = field.required ? "Choose…" : "(not set)";
    return <SelectField {...frame} options={options} placeholder={placeholder} value={text} onValue={onChange} />;
  }
  if (field.kind === "string-list" || field.kind === "string-map") {
    return (
      <FieldFrame {...frame}>
        {(control) => (
          <textarea
            {...control}
            className={inputClass}
            rows={3}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </FieldFrame>
    );
  }
  const inputMode = field.kind === "integer" ? "numeric" : field.kind === "number" ? "decimal" : undefined;
  return (
    <TextField
      {...frame}
      input={{ type: "text", inputMode, placeholder: field.placeholder }}
      value={text}
      onValue={onChange}
    />
  );
}

/** The generated fields of a form, each with its value and error by path. */
export function SchemaFields({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: FormField[];
  values: Record<string, string | boolean>;
  errors: Record<string, string>;
  onChange: (path: string, value: string | boolean) => void;
}) {
  return fields.map((f) => (
    <SchemaField
      key={f.path}
      field={f}
      value={values[f.path]}
      error={errors[f.path]}
      onChange={(v) => onChange(f.path, v)}
    />
  ));
}
