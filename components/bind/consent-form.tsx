"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { describedBy, Field, Input } from "@/components/ui/field";
import { settleFormAction } from "@/components/ui/settle-action";
import { linkClass } from "@/components/ui/text-link";
import { bindForCli, type CliBindResult, cancelCliBind } from "@/lib/bind/cli-bind-actions";
import { BINDING_NAME_RULE } from "@/lib/catalog/binding-name-rule";

interface Props {
  template: string;
  sessionId: string;
  redirectUrl: string;
  consumerId?: string;
}

/** The consent step: name the binding, then allow (bind) or cancel; either way the CLI is told. */
export function ConsentForm({ template, sessionId, redirectUrl, consumerId }: Props) {
  const [name, setName] = useState(template);
  const [result, setResult] = useState<CliBindResult | null>(null);
  const [pending, start] = useTransition();
  const id = useId();
  const base = { sessionId, redirectUrl, consumerId };

  const run = (call: () => Promise<CliBindResult>) =>
    start(async () => {
      const outcome: CliBindResult = await settleFormAction(call);
      setResult(outcome);
      if (outcome.ok) window.location.assign(outcome.redirectTo);
    });

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => bindForCli({ ...base, template, name }));
      }}
    >
      <Field id={id} label="Binding name" hint={`Name: ${BINDING_NAME_RULE}.`}>
        <Input
          id={id}
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={63}
          aria-describedby={describedBy(id, { hint: true })}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" pending={pending}>
          {pending ? "Binding…" : "Allow and bind"}
        </Button>
        <Button disabled={pending} onClick={() => run(() => cancelCliBind(base))}>
          Cancel
        </Button>
      </div>
      {result?.ok ? <output>Done. Returning to kubectl bind…</output> : null}
      {result && !result.ok ? (
        <Callout tone="danger" title="The binding did not complete">
          <p>{result.formError?.message}</p>
          {result.formError?.next ? (
            <p className="mt-2">
              <a className={linkClass} href={result.formError.next.href}>
                {result.formError.next.label}
              </a>
            </p>
          ) : null}
        </Callout>
      ) : null}
    </form>
  );
}
