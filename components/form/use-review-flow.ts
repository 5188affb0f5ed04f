"use client";

import { useState, useTransition } from "react";
import { settleFormAction } from "@/components/ui/settle-action";
import type { FieldErrors, FormError, FormResult } from "@/lib/forms/action-result";
import type { FieldChange } from "@/lib/forms/field-diff";
import { useFormErrors } from "./use-form-errors";
import { useHydrated } from "./use-hydrated";

export interface Preview {
  yaml: string;
  kubectl: string;
  /** for an edit: only the fields that change, shown before the YAML */
  changes?: FieldChange[];
}

/**
 * Review, then commit: the flow of every form that writes to a cluster. Review checks the input
 * in the browser, dry-runs it on the server and shows the YAML; only then can the user commit.
 * Errors land next to their fields (the first one focused) or above the form. Every edit must call
 * `edited(paths)`: it clears those fields' errors and drops the preview, which would no longer
 * show what gets sent. The form's values live in the form, never here: Review, Back and a failed
 * commit leave every field as the user left it.
 */
export function useReviewFlow<I, C extends object>(steps: {
  input: () => I;
  check: (input: I) => { ok: true } | { ok: false; fieldErrors: FieldErrors };
  preview: (input: I) => Promise<FormResult<Preview>>;
  commit: (input: I) => Promise<FormResult<C>>;
  committed: (result: C) => void;
}) {
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const { errors, formError, setErrors, setFormError, ...shown } = useFormErrors();
  const [preview, setPreview] = useState<Preview | null>(null);

  const failed = (fieldErrors: FieldErrors, error?: FormError) => {
    setPreview(null);
    shown.failed(fieldErrors, error);
  };

  return {
    pending,
    /** buttons wait for hydration (a click before it would be lost) and for the cluster */
    disabled: !hydrated || pending,
    errors,
    formError,
    preview,
    /** fields (and fields below them, `configMap` covers `configMap.entries.0.key`) were edited */
    edited(...paths: string[]) {
      setPreview(null);
      setFormError(undefined);
      setErrors((e) =>
        Object.fromEntries(Object.entries(e).filter(([k]) => !paths.some((p) => k === p || k.startsWith(`${p}.`)))),
      );
    },
    review() {
      const input = steps.input();
      const local = steps.check(input);
      if (!local.ok) return failed(local.fieldErrors);
      start(async () => {
        const r = await settleFormAction(() => steps.preview(input));
        if (!r.ok) return failed(r.fieldErrors, r.formError);
        shown.clear();
        setPreview({ yaml: r.yaml, kubectl: r.kubectl, changes: r.changes });
      });
    },
    /** leaves the review for the form, values untouched */
    back() {
      setPreview(null);
    },
    commit() {
      start(async () => {
        const r = await settleFormAction(() => steps.commit(steps.input()));
        if (!r.ok) return failed(r.fieldErrors, r.formError);
        setPreview(null);
        steps.committed(r);
      });
    },
  };
}
