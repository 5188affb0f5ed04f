"use client";

import { type ReactNode, useEffect } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TextField } from "./field-frame";
import { fieldId } from "./field-ids";
import { FormErrorPanel } from "./form-error-panel";
import { dangerButton } from "./input-styles";
import type { useFormErrors } from "./use-form-errors";
import { useHydrated } from "./use-hydrated";

const secondaryButton = buttonVariants({ variant: "secondary" });

/**
 * The last step of a deletion: what goes (`children`), the name typed again as confirmation, why
 * it failed if it did, and Delete / Cancel. It is mounted when the user opens it, so the
 * confirmation field takes the focus then.
 */
export function ConfirmForm({
  label,
  className,
  expected,
  confirm,
  onConfirm,
  errors,
  pending,
  submit,
  submitting,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  className?: string;
  /** what the user types to confirm */
  expected: string;
  confirm: string;
  onConfirm: (value: string) => void;
  errors: Pick<ReturnType<typeof useFormErrors>, "errors" | "formError">;
  pending: boolean;
  submit: string;
  submitting: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  useEffect(() => document.getElementById(fieldId("confirm"))?.focus(), []);
  return (
    <form
      noValidate
      aria-label={label}
      className={cn("flex flex-col gap-4 rounded-lg border border-red-300 p-4 dark:border-red-800", className)}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <TextField
        path="confirm"
        label={`Type ${expected} to confirm`}
        required
        error={errors.errors.confirm}
        value={confirm}
        onValue={onConfirm}
      />
      {errors.formError ? <FormErrorPanel error={errors.formError} title="Nothing was deleted" /> : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={dangerButton} disabled={!hydrated || pending}>
          {pending ? submitting : submit}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
