"use client";

import { FieldFrame } from "./field-frame";
import { inputClass } from "./input-styles";

/** The namespaces the user may create the object in; nothing else is offered. */
export function NamespaceSelect({
  namespaces,
  value,
  error,
  kind,
  onChange,
}: {
  namespaces: string[];
  value: string;
  error?: string;
  kind: string;
  onChange: (namespace: string) => void;
}) {
  return (
    <FieldFrame
      path="namespace"
      label="Namespace"
      required
      help={`Only namespaces of your cluster where you may create ${kind}s are listed.`}
      error={error}
    >
      {(control) => (
        <select
          {...control}
          name="namespace"
          className={inputClass}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
