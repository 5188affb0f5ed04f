"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import type { FormError } from "@/lib/forms/action-result";
import { TextField } from "./field-frame";

/** The props of the fields every create form starts with: the new object's namespace and name. */
export interface ObjectFieldProps {
  kind: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function NameField({
  kind,
  value,
  error,
  next,
  onChange,
}: ObjectFieldProps & {
  /** where the error leads, e.g. the existing object of that name */
  next?: FormError["next"];
}) {
  return (
    <TextField
      path="name"
      input={{ name: "name", type: "text" }}
      label="Name"
      required
      help={`The ${kind}'s name: up to 63 lowercase letters, digits and '-', starting and ending with a letter or digit.`}
      error={error}
      errorAction={
        error && next ? (
          <Link href={next.href} className="font-medium underline">
            {next.label}
          </Link>
        ) : null
      }
      value={value}
      onValue={onChange}
    />
  );
}
