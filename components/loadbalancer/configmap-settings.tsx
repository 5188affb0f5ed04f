"use client";

import { SelectField, TextField } from "@/components/form/field-frame";
import { helpClass } from "@/components/form/input-styles";
import type { FieldErrors } from "@/lib/forms/action-result";
import type { FormField } from "@/lib/forms/form-model";
import type { ConfigMapOption } from "@/lib/loadbalancer/options";
import { ConfigMapEntries, type Entry } from "./configmap-entries";

export type ConfigMapMode = "new" | "existing";

/**
 * The LoadBalancer's configMapRef, as a choice: create a ConfigMap with settings here, or pick an
 * existing one in the same namespace.
 */
export function ConfigMapSettings({
  field,
  namespace,
  mode,
  name,
  entries,
  existing,
  knownKeys,
  errors,
  onMode,
  onName,
  onEntries,
}: {
  field: FormField;
  namespace: string;
  mode: ConfigMapMode;
  name: string;
  entries: Entry[];
  existing: ConfigMapOption[];
  knownKeys: { key: string; meaning: string }[];
  errors: FieldErrors;
  onMode: (mode: ConfigMapMode) => void;
  onName: (name: string) => void;
  onEntries: (entries: Entry[]) => void;
}) {
  const picked = existing.find((c) => c.name === name);
  const missingKeys = picked ? knownKeys.filter((k) => !picked.keys.includes(k.key)).map((k) => k.key) : [];
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 font-medium">{field.label}</legend>
      {field.help ? <p className={helpClass}>{field.help}</p> : null}
      <div className="flex flex-col gap-1 text-sm sm:flex-row sm:gap-6">
        <label className="flex items-center gap-2">
          <input type="radio" name="configmap-mode" checked={mode === "new"} onChange={() => onMode("new")} />
          Create a new ConfigMap
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="configmap-mode"
            checked={mode === "existing"}
            disabled={existing.length === 0}
            onChange={() => onMode("existing")}
          />
          Use an existing ConfigMap{existing.length === 0 ? ` (there are none in ${namespace})` : ""}
        </label>
      </div>
      {mode === "new" ? (
        <>
          <TextField
            path={field.path}
            label="ConfigMap name"
            required
            help={`Created in ${namespace} together with the LoadBalancer.`}
            error={errors[field.path]}
            value={name}
            onValue={onName}
          />
          <ConfigMapEntries entries={entries} knownKeys={knownKeys} errors={errors} onChange={onEntries} />
        </>
      ) : (
        <SelectField
          path={field.path}
          label={`ConfigMap in ${namespace}`}
          required
          help={
            picked
              ? `Keys: ${picked.keys.join(", ") || "none"}.${missingKeys.length ? ` It has no ${missingKeys.join(", ")} key.` : ""}`
              : undefined
          }
          error={errors[field.path]}
          options={existing.map((c) => c.name)}
          placeholder="Choose a ConfigMap…"
          value={name}
          onValue={onName}
        />
      )}
    </fieldset>
  );
}
