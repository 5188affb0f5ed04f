import "server-only";
import type { LiveSub } from "../live-wire/live-protocol";
import type { EncodedView } from "../live-wire/view-patch";

/**
 * The views recently sent to each user, by hash, so a stream that resumes from a Last-Event-ID
 * (or follows a page that rendered its first view on the server) can patch the view the browser
 * holds instead of sending it whole. A hash a browser sends is only looked up among its own
 * user's views: a patch from someone else's view would reveal what differs. Bounded by the JSON
 * size kept and by age; anything not found is simply sent whole.
 */
export class SentViews {
  private readonly views = new Map<string, { view: EncodedView; at: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 8 * 1024 * 1024,
    private readonly ttlMs = 120_000,
  ) {}

  remember(owner: string, sub: LiveSub, hash: string, view: EncodedView): void {
    const id = JSON.stringify([owner, sub, hash]);
    // A shared view reaches many connections of one user: remembered once is enough.
    if (this.views.get(id)?.view === view) return;
    this.drop(id);
    this.views.set(id, { view, at: Date.now() });
    this.bytes += view.json.length;
    // Oldest first: a Map iterates in insertion order.
    for (const [old, entry] of this.views) {
      if (this.bytes <= this.maxBytes && Date.now() - entry.at <= this.ttlMs) break;
      this.drop(old);
    }
  }

  recall(owner: string, sub: LiveSub, hash: string): EncodedView | undefined {
    const entry = this.views.get(JSON.stringify([owner, sub, hash]));
    return entry && Date.now() - entry.at <= this.ttlMs ? entry.view : undefined;
  }

  private drop(id: string): void {
    const entry = this.views.get(id);
    if (!entry) return;
    this.bytes -= entry.view.json.length;
    this.views.delete(id);
  }
}

const KEY = Symbol.for("kube-bind-portal.sent-views");
const holder = globalThis as typeof globalThis & { [KEY]?: SentViews };

/** The process's one store (on globalThis: Next.js may load this module once per route bundle). */
export function sentViews(): SentViews {
  holder[KEY] ??= new SentViews();
  return holder[KEY];
}
