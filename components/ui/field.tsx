/**
 * Field: a label, one control, a hint and an error, wired for screen readers.
 *   <Field id="name" label="Binding name" hint="…" error={message}>
 *     <Input id="name" aria-describedby={describedBy("name", { hint: true, error })} … />
 *   </Field>
 * Input / inputClass: the text-input look (invalid state from aria-invalid).
 */
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export const inputClass =
  "w-full min-w-0 rounded-md border border-border-strong bg-surface px-3 py-2 text-sm text-fg aria-[invalid=true]:border-danger";

export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input className={cn(inputClass, className)} {...rest} />;
}

/** The aria-describedby of a Field's control: its hint and error ids, when shown. */
export function describedBy(id: string, shown: { hint?: boolean; error?: unknown }): string | undefined {
  return [shown.hint ? `${id}-hint` : "", shown.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
