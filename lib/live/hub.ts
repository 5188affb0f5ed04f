import "server-only";
import { env } from "../env";
import { connection, portalIdentityClient, userClient } from "../k8s/clusters";
import { WatchHub } from "../k8s/watch-hub";
import type { LiveContext } from "./context";
import { withSharedAnswers } from "./shared-answers";

// One hub per server process. Kept on globalThis so that Next's dev-mode module reloads reuse it
// instead of leaking the upstream watches of the previous copy.
const HUB = Symbol.for("kube-bind-portal.watch-hub");
const CONTEXT = Symbol.for("kube-bind-portal.live-context");
const store = globalThis as { [HUB]?: WatchHub; [CONTEXT]?: LiveContext };

export function liveHub(): WatchHub {
  store[HUB] ??= new WatchHub({ connect: connection });
  return store[HUB];
}

/**
 * The process's one context, kept like the hub: what is cached per context (the consumer's
 * identity, lib/live/access.ts) is then read once, not once per subscription.
 */
export function defaultLiveContext(): LiveContext {
  store[CONTEXT] ??= {
    hub: liveHub(),
    // A page's subscriptions ask the same rights questions as the user's other pages: shared briefly.
    consumerAs: async (identity) => withSharedAnswers(await userClient("consumer", identity)),
    consumerPortal: () => portalIdentityClient("consumer"),
    adminGroup: env().PORTAL_ADMIN_GROUP,
  };
  return store[CONTEXT];
}
