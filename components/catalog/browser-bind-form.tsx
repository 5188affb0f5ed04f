"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { type BrowserBindResult, bindInBrowser } from "@/app/(portal)/catalog/[template]/actions";
import { primaryButton } from "@/components/ui/button-styles";
import { ErrorPanel } from "@/components/ui/state-panels";

export function BrowserBindForm({ template }: { template: string }) {
  const [name, setName] = useState(template);
  const [result, setResult] = useState<BrowserBindResult | null>(null);
  const [pending, start] = useTransition();
  const nameError = result && !result.ok && result.field === "name" ? result.message : undefined;

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => setResult(await bindInBrowser({ template, name })));
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Binding name</span>
        <input
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "name-error" : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
        />
        {nameError ? (
          <span id="name-error" className="text-red-700 dark:text-red-300">
            {nameError}
          </span>
        ) : null}
      </label>
      <div>
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? "Binding… (this takes a few seconds)" : "Allow and bind to my cluster"}
        </button>
      </div>
      {result?.ok ? (
        <output className="rounded-md bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          Bound: APIServiceBinding <strong>{result.binding}</strong> exists in your cluster. The API appears there in a
          few seconds.{" "}
          <Link href="/loadbalancers" className="underline">
            Go to LoadBalancers
          </Link>
        </output>
      ) : null}
      {result && !result.ok && !result.field ? (
        <ErrorPanel title="Not bound">
          <p>{result.message}</p>
          {result.commands ? (
            <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-slate-100">
              <code>{result.commands.join("\n")}</code>
            </pre>
          ) : null}
        </ErrorPanel>
      ) : null}
    </form>
  );
}
