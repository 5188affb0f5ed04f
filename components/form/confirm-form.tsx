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
export function ConfirmForm(p: {
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
      aria-label={p.label}
      className={cn("flex flex-col gap-4 rounded-lg border border-red-300 p-4 dark:border-red-800", p.className)}
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      {p.children}
      <TextField
        path="confirm"
        label={`Type ${p.expected} to confirm`}
        required
        error={p.errors.errors.confirm}
        value={p.confirm}
        onValue={p.onConfirm}
      />
      {p.errors.formError ? <FormErrorPanel error={p.errors.formError} title="Nothing was deleted" /> : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={dangerButton} disabled={!hydrated || p.pending}>
          {p.pending ? p.submitting : p.submit}
        </button>
        <button type="button" className={secondaryButton} onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
