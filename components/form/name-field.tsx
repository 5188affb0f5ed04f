"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import type { FormError } from "@/lib/forms/action-result";
import { FieldFrame } from "./field-frame";
import { inputClass } from "./input-styles";

export function NameField({
  kind,
  value,
  error,
  next,
  onChange,
}: {
  kind: string;
  value: string;
  error?: string;
  /** where the error leads, e.g. the existing object of that name */
  next?: FormError["next"];
  onChange: (name: string) => void;
}) {
  return (
    <FieldFrame
      path="name"
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
