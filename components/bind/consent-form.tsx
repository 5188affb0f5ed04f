"use client";

import { useState, useTransition } from "react";
import { bindForCli, type CliBindResult, cancelCliBind } from "@/app/(portal)/bind-actions";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorPanel } from "@/components/ui/state-panels";

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
  const base = { sessionId, redirectUrl, consumerId };

  const finish = (r: CliBindResult) => {
    setResult(r);
    if (r.ok) window.location.assign(r.redirectTo);
  };

  return (
    <form
      className="mt-4 flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => finish(await bindForCli({ ...base, template, name })));
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Binding name</span>
        <input
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={63}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? "Binding…" : "Allow and bind"}
        </button>
        <button
          type="button"
          className={secondaryButton}
          disabled={pending}
          onClick={() => start(async () => finish(await cancelCliBind(base)))}
        >
          Cancel
        </button>
      </div>
      {result?.ok ? <output>Bound. Returning to kubectl bind…</output> : null}
      {result && !result.ok ? (
        <ErrorPanel title="The binding did not complete">
          <p>{result.message}</p>
          {result.redirectTo ? (
            <p className="mt-2">
              <a className="underline" href={result.redirectTo}>
                Tell kubectl bind and close this page
              </a>
            </p>
          ) : null}
        </ErrorPanel>
      ) : null}
    </form>
  );
}
