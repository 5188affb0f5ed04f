"use client";

import { X } from "lucide-react";
import { StatusPill } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CUSTOM_HEADER, CUSTOM_HEADER_KEY, type HeaderCheck } from "@/lib/live/header-check";
import { say } from "./text";
import { uniqueKeys } from "./unique-keys";
import type { TestTrafficState } from "./use-test-traffic";

export type { TestTrafficAction } from "./use-test-traffic";

/**
 * What one request through the gateway (server action) brought back, shown under the page's
 * header where its "Test traffic" button is. A call that failed on the way is reported here too;
 * the page stays.
 */
export function TestTrafficPanel({
  traffic,
  domain,
  hasAddress,
}: {
  traffic: TestTrafficState;
  domain?: string;
  hasAddress: boolean;
}) {
  const { outcome, pending, close } = traffic;
  return (
    <Card
      as="section"
      title="Test traffic"
      description={
        <>
          <code>GET /</code> to the gateway&apos;s address with <code>Host: {domain ?? "(no domain)"}</code>, as a
          client of your domain would send it.
        </>
      }
      actions={
        <Button variant="ghost" size="sm" onClick={close}>
          <X aria-hidden="true" className="size-4" />
          Close
        </Button>
      }
      data-testid="test-traffic"
    >
      {!hasAddress ? <p className="text-sm">{say.trafficNoAddress}</p> : null}
      <div id={TRAFFIC_RESULT_ID} aria-live="polite">
        {pending ? <p className="text-sm text-muted">Sending…</p> : null}
        {!pending && outcome && !outcome.ok ? (
          <p role="alert" className="text-sm text-danger" data-testid="traffic-error">
            Test request failed: {outcome.formError?.message}
          </p>
        ) : null}
        {!pending && outcome?.ok ? (
          <section aria-label="Test traffic response" className="flex flex-col gap-2 text-sm">
            <p>
              <strong data-testid="traffic-status">
                {outcome.data.status} {outcome.data.statusText}
              </strong>{" "}
              from {outcome.data.url} (Host: {outcome.data.host}) in {outcome.data.durationMs} ms
            </p>
            <HeaderVerdict check={outcome.data.header} />
            <details className="rounded border border-border p-2">
              <summary className="cursor-pointer font-medium">Raw exchange</summary>
              {outcome.data.echoed ? (
                <>
                  <h4 className="mt-2 font-medium">Headers the backend received</h4>
                  <ul data-testid="echoed-headers" className="font-mono text-xs break-all">
                    {uniqueKeys(outcome.data.echoed, ([k, v]) => `${k}: ${v}`).map(({ key, item: [k, v] }) => (
                      <li key={key}>
                        {k}: {v}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h4 className="mt-2 font-medium">Response headers</h4>
              <ul className="font-mono text-xs break-all">
                {uniqueKeys(outcome.data.headers, ([k, v]) => `${k}: ${v}`).map(({ key, item: [k, v] }) => (
                  <li key={key}>
                    {k}: {v}
                  </li>
                ))}
              </ul>
              <h4 className="mt-2 font-medium">Body{outcome.data.truncated ? " (first 64 KiB)" : ""}</h4>
              <pre className="whitespace-pre-wrap break-all rounded bg-surface-sunken p-2 text-xs">
                {outcome.data.body}
              </pre>
            </details>
          </section>
        ) : null}
      </div>
    </Card>
  );
}

/** The id of the panel's result, for the button's aria-describedby. */
export const TRAFFIC_RESULT_ID = "test-traffic-result";

const VERDICT: Record<HeaderCheck["state"], { tone: "success" | "danger" | "warning" | "neutral"; word: string }> = {
  match: { tone: "success", word: "Matches" },
  mismatch: { tone: "danger", word: "Differs" },
  missing: { tone: "danger", word: "Missing" },
  unknown: { tone: "neutral", word: "Not shown" },
};

/** The header the settings ask for, against what the backend received. */
function HeaderVerdict({ check }: { check: HeaderCheck }) {
  const { tone, word } = VERDICT[check.state];
  return (
    <p className="flex flex-wrap items-center gap-2" data-testid="header-check" data-state={check.state}>
      <StatusPill tone={tone}>{word}</StatusPill>
      <span>
        {check.state === "match" || check.state === "mismatch" ? (
          <>
            The backend received <code>{`${CUSTOM_HEADER}: ${check.received}`}</code>
            {check.state === "match" ? ", " : "; "}
          </>
        ) : check.state === "missing" ? (
          <>The backend received no {CUSTOM_HEADER} header; </>
        ) : (
          <>The backend&apos;s answer does not list the headers it received; </>
        )}
        the ConfigMap&apos;s {CUSTOM_HEADER_KEY} is <code>{check.expected}</code>
        {check.state === "mismatch" ? " (the gateway may not have the new setting yet)." : "."}
      </span>
    </p>
  );
}
