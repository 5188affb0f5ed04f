import "server-only";
import type { Result } from "../result";
import type { LiveSubscription, LiveUpdate } from "./types";

/**
 * A one-shot subscription: the first view (for a server-rendered first paint or a server action),
 * then closed. The hub keeps its streams open for a grace period, so the page's live stream that
 * follows joins them without listing again. `undefined` when no view came in time.
 */
export async function firstView<V>(
  subscribe: (onUpdate: (u: LiveUpdate<V>) => void) => Promise<Result<LiveSubscription>>,
  timeoutMs = 5_000,
): Promise<Result<V | undefined>> {
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
