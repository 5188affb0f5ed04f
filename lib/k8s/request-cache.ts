// Discovery and OpenAPI documents read once per server action: the plan, each dry run and each
// object of one action ask the same cluster the same question, and the answer cannot usefully
// change within it. The memo lives as long as the action (withRequestCache, run by lib/actions),
// so a CRD bound a moment ago is seen by the next action. Keyed by actor as well as cluster and
// path: what a user may discover is RBAC's call, so one identity's answer never serves another.
// Nothing is shared between requests: a cache across them would have to guess when a binding adds
// or removes an API, for a saving of two small reads per form step.
import { AsyncLocalStorage } from "node:async_hooks";
import type { KubeClient } from "./client";
import { actorKey } from "./types";

const memo = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `fn` with a fresh memo of discovery reads; reads outside any run are never memoised. */
export function withRequestCache<T>(fn: () => Promise<T>): Promise<T> {
  return memo.run(new Map(), fn);
}

/** Whose answer a read is: the cluster and the whole identity, as RBAC sees it. */
export const askerKey = (client: KubeClient) => `${client.conn.server} ${actorKey(client.actor)}`;

/** Keeps `ask()`'s answer in `memo` under `key`; a failed answer is forgotten, so the next ask tries again. */
export function remember<T>(memo: Map<string, Promise<unknown>>, key: string, ask: () => Promise<T>): Promise<T> {
  const answer = ask();
  memo.set(key, answer);
  answer.catch(() => memo.get(key) === answer && memo.delete(key));
  return answer;
}

/**
 * `read()` once per run for this client's cluster, actor and `path`; `fresh` reads again (and
 * keeps the new answer). A failed read is forgotten, so the next ask tries again.
 */
export function readOnce<T>(client: KubeClient, path: string, read: () => Promise<T>, fresh = false): Promise<T> {
  const cache = memo.getStore();
  if (!cache) return read();
  const key = `${askerKey(client)} ${path}`;
  const known = cache.get(key) as Promise<T> | undefined;
  return known && !fresh ? known : remember(cache, key, read);
}
