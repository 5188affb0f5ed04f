"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmForm } from "@/components/form/confirm-form";
import { dangerButton } from "@/components/form/input-styles";
import { useFormErrors } from "@/components/form/use-form-errors";
import { useHydrated } from "@/components/form/use-hydrated";
import { buttonVariants } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { settleFormAction } from "@/components/ui/settle-action";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import type { FormError } from "@/lib/forms/action-result";
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
  const form = useFormErrors();
  const [pending, start] = useTransition();

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
      if (r.ok) router.push(r.href);
      else form.failed(r.fieldErrors, r.formError);
    });

  return (
    <Section id="revoke" title={text.revokeTitle(consumer)}>
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
        <ConfirmForm
          label={text.revokeTitle(consumer)}
          expected={namespace}
          confirm={confirm}
          onConfirm={setConfirm}
          errors={form}
          pending={pending}
          submit={text.revokeSubmit}
          submitting={text.revoking}
          onSubmit={submit}
          onCancel={() => setOpen(false)}
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
        </ConfirmForm>
      )}
    </Section>
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
