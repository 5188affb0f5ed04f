"use client";

import { FieldFrame } from "./field-frame";
import { inputClass } from "./input-styles";

export function NameField({
  kind,
  value,
  error,
  onChange,
}: {
  kind: string;
  value: string;
  error?: string;
  onChange: (name: string) => void;
}) {
  return (
    <FieldFrame
      path="name"
      label="Name"
      required
      help={`The ${kind}'s name: up to 63 lowercase letters, digits and '-', starting and ending with a letter or digit.`}
      error={error}
    >
      {(control) => (
        <input
          {...control}
          name="name"
          type="text"
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
