"use client";

import { SelectField } from "./field-frame";
import type { ObjectFieldProps } from "./name-field";

/** The namespaces the user may create the object in; nothing else is offered. */
export function NamespaceSelect({
  namespaces,
  value,
  error,
  kind,
  onChange,
}: ObjectFieldProps & { namespaces: string[] }) {
  return (
    <SelectField
      path="namespace"
      name="namespace"
      label="Namespace"
      required
      help={`Only namespaces of your cluster where you may create ${kind}s are listed.`}
      error={error}
      options={namespaces}
      value={value}
      onValue={onChange}
    />
  );
}
