"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { FieldFrame } from "@/components/form/field-frame";
import { fieldId, focusFirstError } from "@/components/form/field-ids";
import { FormErrorPanel } from "@/components/form/form-error-panel";
import { dangerButton, inputClass } from "@/components/form/input-styles";
import { useHydrated } from "@/components/form/use-hydrated";
import { buttonVariants } from "@/components/ui/button";
import { settleFormAction } from "@/components/ui/settle-action";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import type { FieldErrors, FormError } from "@/lib/forms/action-result";
import { previewRevokeAction, revokeConsumerAction } from "@/lib/provider/actions";
import type { RevokePlan } from "@/lib/provider/types";
import { text } from "./text";

const secondaryButton = buttonVariants({ variant: "secondary" });

/** How many objects of one kind are listed before the rest folds away. */
const SHOWN = 8;

/**
 * Revoking asks the server for the plan first (listed and dry-run as the admin), shows every object
 * that goes, and deletes only once the binding namespace is typed again.
 */
export function RevokeConsumer({ namespace, consumer }: { namespace: string; consumer: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<RevokePlan>();
  const [planError, setPlanError] = useState<FormError>();
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FormError>();
  const [pending, start] = useTransition();
  const opened = useRef(false);

  useEffect(() => {
    if (plan && !opened.current) document.getElementById(fieldId("confirm"))?.focus();
    opened.current = Boolean(plan);
  }, [plan]);

  const openPlan = () => {
    setOpen(true);
    setPlan(undefined);
    setPlanError(undefined);
    start(async () => {
      const r = await settleFormAction(() => previewRevokeAction({ namespace }));
      if (r.ok) setPlan(r.plan);
      else setPlanError(r.formError ?? { message: Object.values(r.fieldErrors).join(" ") });
    });
  };

  const submit = () =>
    start(async () => {
      const r = await settleFormAction(() => revokeConsumerAction({ namespace, confirm }));
      if (r.ok) {
        router.push(r.href);
        return;
      }
      setErrors(r.fieldErrors);
      setFormError(r.formError ?? (r.fieldErrors.form ? { message: r.fieldErrors.form } : undefined));
      requestAnimationFrame(() => focusFirstError(r.fieldErrors));
    });

  return (
    <section aria-labelledby="revoke-heading" className="flex flex-col gap-3">
      <h2 id="revoke-heading" className="text-lg font-semibold">
        {text.revokeTitle(consumer)}
      </h2>
      {!open ? (
        <div>
          <button type="button" className={dangerButton} disabled={!hydrated} onClick={openPlan}>
            {text.revoke}
          </button>
        </div>
      ) : planError ? (
        <ErrorPanel title={text.nothingDeleted}>
          <p>{planError.message}</p>
          <button type="button" className={`${secondaryButton} mt-2`} onClick={() => setOpen(false)}>
            {text.cancel}
          </button>
        </ErrorPanel>
      ) : !plan ? (
        <LoadingPanel label={text.revokeLoading} />
      ) : (
        <form
          noValidate
          aria-label={text.revokeTitle(consumer)}
          className="flex flex-col gap-4 rounded-lg border border-red-300 p-4 dark:border-red-800"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p className="text-sm">{text.revokeIntro}</p>
          <section aria-label="What is deleted" data-testid="revoke-plan" className="flex flex-col gap-2">
            <p className="text-sm font-semibold">{text.objects(plan.total)}:</p>
            {plan.groups.map((g) => (
              <div key={`${g.apiVersion}/${g.kind}`} data-kind={g.kind} className="text-sm">
                <p className="font-medium">
                  {g.kind} ({g.objects.length})
                </p>
                <ObjectList objects={g.objects.slice(0, SHOWN)} />
                {g.objects.length > SHOWN ? (
                  <details>
                    <summary className="cursor-pointer text-xs">{g.objects.length - SHOWN} more</summary>
                    <ObjectList objects={g.objects.slice(SHOWN)} />
                  </details>
                ) : null}
              </div>
            ))}
          </section>
          <FieldFrame path="confirm" label={text.revokeConfirm(namespace)} required error={errors.confirm}>
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                spellCheck={false}
                className={inputClass}
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </FieldFrame>
          {formError ? <FormErrorPanel error={formError} title={text.nothingDeleted} /> : null}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={dangerButton} disabled={!hydrated || pending}>
              {pending ? text.revoking : text.revokeSubmit}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>
              {text.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ObjectList({ objects }: { objects: RevokePlan["groups"][number]["objects"] }) {
  return (
    <ul className="ml-4 list-disc">
      {objects.map((o) => (
        <li key={`${o.namespace ?? ""}/${o.name}`} className="break-all">
          <span className="font-mono text-xs">{o.namespace ? `${o.namespace}/${o.name}` : o.name}</span>{" "}
          <span className="text-xs text-slate-600 dark:text-slate-400">({o.via})</span>
        </li>
      ))}
    </ul>
  );
}
