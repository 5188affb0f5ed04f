"use client";

import { FieldFrame } from "@/components/form/field-frame";
import { errorClass, inputClass } from "@/components/form/input-styles";
import { buttonVariants } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/forms/action-result";

const secondaryButton = buttonVariants({ variant: "secondary" });

export interface Entry {
  key: string;
  value: string;
}

/** Key/value rows of a new ConfigMap; keys the export understands are offered as suggestions. */
export function ConfigMapEntries({
  entries,
  knownKeys,
  errors,
  onChange,
}: {
  entries: Entry[];
  knownKeys: { key: string; meaning: string }[];
  errors: FieldErrors;
  onChange: (entries: Entry[]) => void;
}) {
  const set = (i: number, patch: Partial<Entry>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <div className="flex flex-col gap-3">
      <datalist id="configmap-known-keys">
        {knownKeys.map((k) => (
          <option key={k.key} value={k.key}>
            {k.meaning}
          </option>
        ))}
      </datalist>
      {entries.map((entry, i) => (
        // Rows have no identity beyond their position; the index is the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i} className="grid grid-cols-1 items-start gap-2 sm:grid-cols-[1fr_2fr_auto]">
          <FieldFrame
            path={`configMap.entries.${i}.key`}
            label={`Key ${i + 1}`}
            error={errors[`configMap.entries.${i}.key`]}
          >
            {(control) => (
              <input
                {...control}
                list="configmap-known-keys"
                autoComplete="off"
                spellCheck={false}
                className={inputClass}
                value={entry.key}
                onChange={(e) => set(i, { key: e.target.value })}
              />
            )}
          </FieldFrame>
          <FieldFrame
            path={`configMap.entries.${i}.value`}
            label={`Value ${i + 1}`}
            help={knownKeys.find((k) => k.key === entry.key.trim())?.meaning}
            error={errors[`configMap.entries.${i}.value`]}
          >
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                className={inputClass}
                value={entry.value}
                onChange={(e) => set(i, { value: e.target.value })}
              />
            )}
          </FieldFrame>
          <button
            type="button"
            className={`${secondaryButton} sm:mt-6`}
            onClick={() => onChange(entries.filter((_, j) => j !== i))}
          >
            Remove setting {i + 1}
          </button>
        </div>
      ))}
      {errors["configMap.entries"] ? <p className={errorClass}>{errors["configMap.entries"]}</p> : null}
      <div>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => onChange([...entries, { key: "", value: "" }])}
        >
          Add a setting
        </button>
      </div>
    </div>
  );
}
