// Discovery and OpenAPI documents read once per server action: the plan, each dry run and each
// object of one action ask the same cluster the same question, and the answer cannot usefully
// change within it. The memo lives as long as the action (withRequestCache, run by lib/actions),
// so a CRD bound a moment ago is seen by the next action. Keyed by actor as well as cluster and
// path: what a user may discover is RBAC's call, so one identity's answer never serves another.
// Nothing is shared between requests: a cache across them would have to guess when a binding adds
// or removes an API, for a saving of two small reads per form step.
import { AsyncLocalStorage } from "node:async_hooks";
import type { KubeClient } from "./client";
import { actorName } from "./types";

const memo = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `fn` with a fresh memo of discovery reads; reads outside any run are never memoised. */
export function withRequestCache<T>(fn: () => Promise<T>): Promise<T> {
  return memo.run(new Map(), fn);
}

/**
 * `read()` once per run for this client's cluster, actor and `path`; `fresh` reads again (and
 * keeps the new answer). A failed read is forgotten, so the next ask tries again.
 */
export function readOnce<T>(client: KubeClient, path: string, read: () => Promise<T>, fresh = false): Promise<T> {
  const cache = memo.getStore();
  if (!cache) return read();
  const groups = client.actor.kind === "user" ? client.actor.groups.join(",") : "";
  const key = `${client.cluster} ${actorName(client.actor)} ${groups} ${path}`;
  const known = cache.get(key) as Promise<T> | undefined;
  if (known && !fresh) return known;
  const answer = read();
  cache.set(key, answer);
  answer.catch(() => cache.get(key) === answer && cache.delete(key));
  return answer;
}
