"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { settleAction } from "@/components/ui/settle-action";
import type { TrafficOutcome } from "@/lib/live/test-traffic";
import { say } from "./text";
import { uniqueKeys } from "./unique-keys";

export type TestTrafficAction = (input: { namespace: string; name: string }) => Promise<TrafficOutcome>;

/**
 * Sends one request through the gateway (server action) and shows what came back. A call that
 * fails on the way (network down, server error) is reported beside the button; the page stays.
 */
export function TestTraffic({
  namespace,
  name,
  domain,
  hasAddress,
  action,
}: {
  namespace: string;
  name: string;
  domain?: string;
  hasAddress: boolean;
  action: TestTrafficAction;
}) {
  const [outcome, setOutcome] = useState<TrafficOutcome>();
  const [pending, start] = useTransition();
  const resultId = useId();
  const send = () =>
    start(async () => {
      const r = await settleAction(() => action({ namespace, name }));
      setOutcome(r.settled ? r.value : { ok: false, message: r.message });
    });
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">
        Sends <code>GET /</code> to the gateway&apos;s address with <code>Host: {domain ?? "(no domain)"}</code>, as a
        client of your domain would.
      </p>
      {!hasAddress ? <p className="text-sm">{say.trafficNoAddress}</p> : null}
      <div>
        <Button onClick={send} pending={pending} aria-describedby={resultId}>
          {pending ? "Sending…" : "Send test request"}
        </Button>
      </div>
      <div id={resultId} aria-live="polite">
        {outcome && !outcome.ok ? (
          <p role="alert" className="text-sm text-danger" data-testid="traffic-error">
            Test request failed: {outcome.message}
          </p>
        ) : null}
        {outcome?.ok ? (
          <section aria-label="Test traffic response" className="flex flex-col gap-2 text-sm">
            <p>
              <strong data-testid="traffic-status">
                {outcome.data.status} {outcome.data.statusText}
              </strong>{" "}
              from {outcome.data.url} (Host: {outcome.data.host}) in {outcome.data.durationMs} ms
            </p>
            {outcome.data.echoed ? (
              <>
                <h4 className="font-medium">Headers the backend received</h4>
                <ul data-testid="echoed-headers" className="font-mono text-xs break-all">
                  {uniqueKeys(outcome.data.echoed, ([k, v]) => `${k}: ${v}`).map(({ key, item: [k, v] }) => (
                    <li key={key}>
                      {k}: {v}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h4 className="font-medium">Response headers</h4>
            <ul className="font-mono text-xs break-all">
              {uniqueKeys(outcome.data.headers, ([k, v]) => `${k}: ${v}`).map(({ key, item: [k, v] }) => (
                <li key={key}>
                  {k}: {v}
                </li>
              ))}
            </ul>
            <h4 className="font-medium">Body{outcome.data.truncated ? " (first 64 KiB)" : ""}</h4>
            <pre className="whitespace-pre-wrap break-all rounded bg-surface-sunken p-2 text-xs">
              {outcome.data.body}
            </pre>
          </section>
        ) : null}
      </div>
    </div>
  );
}
