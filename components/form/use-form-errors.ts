"use client";

import { useState } from "react";
import type { FieldErrors, FormError } from "@/lib/forms/action-result";
import { focusFirstError } from "./field-ids";

/**
 * A form's errors: per field, and one for the whole form (a field error on `form` becomes it).
 * `failed` shows them and focuses the first field with an error; `clear` removes them all.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FormError>();
  return {
    errors,
    formError,
    setErrors,
    setFormError,
    failed(fieldErrors: FieldErrors, error?: FormError) {
      setErrors(fieldErrors);
      setFormError(error ?? (fieldErrors.form ? { message: fieldErrors.form } : undefined));
      requestAnimationFrame(() => focusFirstError(fieldErrors));
    },
    clear() {
      setErrors({});
      setFormError(undefined);
    },
  };
}
