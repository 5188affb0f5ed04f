"use client";

import { useId, useState, useTransition } from "react";
import { AppLink } from "@/components/ui/app-link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { describedBy, Field, Input } from "@/components/ui/field";
import { settleFormAction } from "@/components/ui/settle-action";
import { type BrowserBindResult, bindInBrowser } from "@/lib/catalog/bind-actions";
import { BINDING_NAME_RULE } from "@/lib/catalog/binding-name-rule";

/**
 * The browser bind's consent: name the binding, then "Allow and bind to my cluster" or Cancel.
 * Once bound the form is done: the button goes and the result says what now exists.
 */
export function BrowserBindForm({ template }: { template: string }) {
  const [name, setName] = useState(template);
  const [result, setResult] = useState<BrowserBindResult | null>(null);
  const [pending, start] = useTransition();
  const id = useId();
  const nameError = result && !result.ok ? result.fieldErrors.name : undefined;

  if (result?.ok) {
    return (
      <Callout
        tone="success"
        title="Bound"
        actions={<ButtonLink href="/loadbalancers">Go to LoadBalancers</ButtonLink>}
        data-testid="bind-result"
      >
        <p>
          Bound: APIServiceBinding <strong>{result.binding}</strong> exists in your cluster. The API appears there in a
          few seconds.
        </p>
      </Callout>
    );
  }
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setResult(await settleFormAction(() => bindInBrowser({ template, name })));
        });
      }}
    >
      <Field id={id} label="Binding name" hint={`Name: ${BINDING_NAME_RULE}.`} error={nameError}>
        <Input
          id={id}
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy(id, { hint: true, error: nameError })}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" pending={pending}>
          {pending ? "Binding… (this takes a few seconds)" : "Allow and bind to my cluster"}
        </Button>
        <ButtonLink href="/catalog" aria-disabled={pending || undefined}>
          Cancel
        </ButtonLink>
      </div>
      {result && !result.ok && result.formError ? (
        <Callout tone="danger" title="Not bound">
          <p>{result.formError.message}</p>
          {result.formError.commands ? (
            <pre className="mt-2 overflow-x-auto rounded bg-surface-sunken p-3 text-xs">
              <code>{result.formError.commands.join("\n")}</code>
            </pre>
          ) : null}
          {result.formError.next ? (
            <p className="mt-2">
              <AppLink href={result.formError.next.href}>{result.formError.next.label}</AppLink>
            </p>
          ) : null}
        </Callout>
      ) : null}
    </form>
  );
}
