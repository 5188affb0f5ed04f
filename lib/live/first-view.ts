import "server-only";
import type { LiveSub } from "../query/live-protocol";
import { encodeView } from "../query/view-patch";
import type { Result } from "../result";
import { sentViews } from "./sent-views";
import { viewHash } from "./sse";
import type { LiveSubscription, LiveUpdate } from "./types";

type Subscribe<V> = (onUpdate: (u: LiveUpdate<V>) => void) => Promise<Result<LiveSubscription>>;

/**
 * A one-shot subscription: the first view (for a server-rendered first paint or a server action),
 * then closed. The hub keeps its streams open for a grace period, so the page's live stream that
 * follows joins them without listing again. `undefined` when no view came in time.
 */
export async function firstView<V>(subscribe: Subscribe<V>, timeoutMs = 5_000): Promise<Result<V | undefined>> {
  let deliver: (v: V | undefined) => void = () => {};
  const first = new Promise<V | undefined>((resolve) => {
    deliver = resolve;
  });
  const sub = await subscribe((u) => deliver(u.type === "view" ? u.view : undefined));
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
  const first = await firstView(subscribe, timeoutMs);
  if (!first.ok || !first.data) return first as Result<undefined>;
  const encoded = encodeView(first.data as Record<string, unknown>);
  const resume = viewHash(encoded.json);
  sentViews().remember(owner, sub, resume, encoded);
  return { ok: true, data: { view: first.data, resume } };
}
