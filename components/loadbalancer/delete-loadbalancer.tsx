"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import { ConfirmForm } from "@/components/form/confirm-form";
import { errorId, fieldId } from "@/components/form/field-ids";
import { dangerButton, errorClass } from "@/components/form/input-styles";
import { useFormErrors } from "@/components/form/use-form-errors";
import { useHydrated } from "@/components/form/use-hydrated";
import { settleFormAction } from "@/components/ui/settle-action";
import { toast } from "@/components/ui/toast";
import { deleteLoadBalancerAction } from "@/lib/loadbalancer/actions";

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
  const form = useFormErrors();
  const { errors, setErrors } = form;
  const [pending, start] = useTransition();
  const hydrated = useHydrated();

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
  const submit = () => {
    // An old error must not stand beside "Deleting…": it no longer describes what is happening.
    form.clear();
    if (confirm.trim() !== name) return form.failed({ confirm: `Type ${name} exactly to confirm the deletion.` });
    start(async () => {
      const r = await settleFormAction(() =>
        deleteLoadBalancerAction({ namespace, name, confirm, deleteConfigMap: withConfigMap }),
      );
      if (!r.ok) return form.failed(r.fieldErrors, r.formError);
      toast({ tone: "success", title: `LoadBalancer ${name} deleted`, description: r.warning });
      router.push(r.href);
    });
  };

  return (
    <ConfirmForm
      label={`Delete LoadBalancer ${name}`}
      className="max-w-2xl"
      expected={name}
      confirm={confirm}
      onConfirm={(value) => {
        setConfirm(value);
        if (value.trim() === name) setErrors(({ confirm: _, ...rest }) => rest);
      }}
      errors={form}
      pending={pending}
      submit="Delete LoadBalancer"
      submitting="Deleting…"
      onSubmit={submit}
      onCancel={() => setOpen(false)}
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
    </ConfirmForm>
  );
}
