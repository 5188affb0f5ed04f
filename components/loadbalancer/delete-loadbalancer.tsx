"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState, useTransition } from "react";
import { FieldFrame } from "@/components/form/field-frame";
import { errorId, fieldId, focusFirstError } from "@/components/form/field-ids";
import { FormErrorPanel } from "@/components/form/form-error-panel";
import { dangerButton, errorClass, inputClass } from "@/components/form/input-styles";
import { useHydrated } from "@/components/form/use-hydrated";
import { buttonVariants } from "@/components/ui/button";
import { settleFormAction } from "@/components/ui/settle-action";
import { toast } from "@/components/ui/toast";
import type { FieldErrors, FormError } from "@/lib/forms/action-result";
import { deleteLoadBalancerAction } from "@/lib/loadbalancer/actions";

const secondaryButton = buttonVariants({ variant: "secondary" });

/**
 * Deleting asks for the name again and shows what goes with it on the provider side (rendered by
 * the page as `providerObjects`). Once done it goes to the list and says so in a toast, which
 * outlives the navigation.
 */
export function DeleteLoadBalancer({
  namespace,
  name,
  configMapName,
  providerObjects,
}: {
  namespace: string;
  name: string;
  configMapName?: string;
  providerObjects: ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState("");
  const [withConfigMap, setWithConfigMap] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FormError>();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const opened = useRef(false);

  useEffect(() => {
    if (open && !opened.current) document.getElementById(fieldId("confirm"))?.focus();
    opened.current = open;
  }, [open]);

  if (!open) {
    return (
      <div>
        <button
          type="button"
          className={dangerButton}
          aria-expanded={false}
          disabled={!hydrated}
          onClick={() => setOpen(true)}
        >
          Delete…
        </button>
      </div>
    );
  }
  const mismatch = `Type ${name} exactly to confirm the deletion.`;
  const failed = (fieldErrors: FieldErrors, error?: FormError) => {
    setErrors(fieldErrors);
    setFormError(error ?? (fieldErrors.form ? { message: fieldErrors.form } : undefined));
    requestAnimationFrame(() => focusFirstError(fieldErrors));
  };
  const submit = () => {
    // An old error must not stand beside "Deleting…": it no longer describes what is happening.
    setErrors({});
    setFormError(undefined);
    if (confirm.trim() !== name) return failed({ confirm: mismatch });
    start(async () => {
      const r = await settleFormAction(() =>
        deleteLoadBalancerAction({ namespace, name, confirm, deleteConfigMap: withConfigMap }),
      );
      if (!r.ok) return failed(r.fieldErrors, r.formError);
      toast({ tone: "success", title: `LoadBalancer ${name} deleted`, description: r.warning });
      router.push(r.href);
    });
  };

  return (
    <form
      noValidate
      aria-label={`Delete LoadBalancer ${name}`}
      className="flex max-w-2xl flex-col gap-4 rounded-lg border border-red-300 p-4 dark:border-red-800"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="text-sm">
        <p>
          Deleting <strong>{name}</strong> from {namespace} in your cluster also removes what the provider cluster runs
          for it:
        </p>
        <div className="mt-2">{providerObjects}</div>
      </div>
      {configMapName ? (
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input
              id={fieldId("deleteConfigMap")}
              type="checkbox"
              checked={withConfigMap}
              aria-invalid={errors.deleteConfigMap ? true : undefined}
              aria-describedby={errors.deleteConfigMap ? errorId("deleteConfigMap") : undefined}
              onChange={(e) => {
                setWithConfigMap(e.target.checked);
                setErrors(({ deleteConfigMap: _, ...rest }) => rest);
              }}
            />
            Also delete the ConfigMap {configMapName} from your cluster
          </label>
          {errors.deleteConfigMap ? (
            <p id={errorId("deleteConfigMap")} className={errorClass}>
              {errors.deleteConfigMap}
            </p>
          ) : null}
        </div>
      ) : null}
      <FieldFrame path="confirm" label={`Type ${name} to confirm`} required error={errors.confirm}>
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
            value={confirm}
            onChange={(e) => {
              setConfirm(e.target.value);
              if (e.target.value.trim() === name) setErrors(({ confirm: _, ...rest }) => rest);
            }}
          />
        )}
      </FieldFrame>
      {formError ? <FormErrorPanel error={formError} title="Nothing was deleted" /> : null}
      <div className="flex gap-2">
        <button type="submit" className={dangerButton} disabled={!hydrated || pending}>
          {pending ? "Deleting…" : "Delete LoadBalancer"}
        </button>
        <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
