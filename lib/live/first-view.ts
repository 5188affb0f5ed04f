import "server-only";
import type { LiveSub } from "../live-wire/live-protocol";
import { type EncodedView, encodeView } from "../live-wire/view-patch";
import type { Result } from "../result";
import { sentViews } from "./sent-views";
import { viewHash } from "./sse";
import type { LiveSubscription, LiveUpdate } from "./types";

type Subscribe<V> = (onUpdate: (u: LiveUpdate<V>) => void) => Promise<Result<LiveSubscription>>;
type First<V> = { view: V; encoded?: EncodedView };

/** The first view a subscription emits (undefined when none came in time); then it is closed. */
async function firstUpdate<V>(subscribe: Subscribe<V>, timeoutMs: number): Promise<Result<First<V> | undefined>> {
  let deliver: (v: First<V> | undefined) => void = () => {};
  const first = new Promise<First<V> | undefined>((resolve) => {
    deliver = resolve;
  });
  const sub = await subscribe((u) => deliver(u.type === "view" ? { view: u.view, encoded: u.encoded } : undefined));
  if (!sub.ok) return sub;
  const timer = setTimeout(() => deliver(undefined), timeoutMs);
  try {
    return { ok: true, data: await first };
  } finally {
    clearTimeout(timer);
    sub.data.close();
  }
}

/**
 * A one-shot subscription: the first view (for a server-rendered first paint or a server action),
 * then closed. The hub keeps its streams open for a grace period, so the page's live stream that
 * follows joins them without listing again. `undefined` when no view came in time.
 */
export async function firstView<V>(subscribe: Subscribe<V>, timeoutMs = 5_000): Promise<Result<V | undefined>> {
  const first = await firstUpdate(subscribe, timeoutMs);
  return first.ok ? { ok: true, data: first.data?.view } : first;
}

/**
 * firstView for a page that renders it and then streams `sub`: the view is remembered as sent to
 * `owner`, and `resume` (its hash) lets the page's stream start from it — nothing is sent again
 * if it has not changed, and a patch if it has.
 */
export async function resumableFirstView<V extends object>(
  owner: string,
  sub: LiveSub,
  subscribe: Subscribe<V>,
  timeoutMs = 5_000,
): Promise<Result<{ view: V; resume: string } | undefined>> {
  const first = await firstUpdate(subscribe, timeoutMs);
  if (!first.ok || !first.data) return first.ok ? { ok: true, data: undefined } : first;
  const { view } = first.data;
  const encoded = first.data.encoded ?? encodeView(view as Record<string, unknown>);
  const resume = viewHash(encoded.json);
  sentViews().remember(owner, sub, resume, encoded);
  return { ok: true, data: { view, resume } };
}
