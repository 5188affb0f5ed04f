/**
 * The questions a live subscription asks before it joins a view (SelfSubjectAccessReviews, the
 * bound API's discovery), answered once per identity and second: when hundreds of one user's pages
 * connect together they ask the very same questions, and the apiserver would answer each of them
 * in turn. Still asked AS the user and answered for that identity alone (user, groups and cluster
 * are the key); a withdrawn right shows here at most `ttlMs` late, next to the minute the periodic
 * re-check already allows. Failures are never remembered.
 */
import "server-only";
import type { KubeClient } from "../k8s/client";
import { askerKey, remember } from "../k8s/request-cache";

/** This window's answers: a caller that finds the window older than its `ttlMs` starts a new one. */
let window = { since: 0, answers: new Map<string, Promise<unknown>>() };

function remembered<T>(key: string, ttlMs: number, ask: () => Promise<T>): Promise<T> {
  const now = Date.now();
  if (now - window.since >= ttlMs) window = { since: now, answers: new Map() };
  return (window.answers.get(key) as Promise<T> | undefined) ?? remember(window.answers, key, ask);
}

/** `client` (a user's), with `can` and `served` answers shared for `ttlMs` among the same identity's clients. */
export function withSharedAnswers(client: KubeClient, ttlMs = 1_000): KubeClient {
  const who = askerKey(client);
  const shared = Object.create(client) as KubeClient;
  shared.can = (attrs) => remembered(JSON.stringify([who, "can", attrs]), ttlMs, () => client.can(attrs));
  shared.served = (group, version) =>
    remembered(JSON.stringify([who, "served", group, version]), ttlMs, () => client.served(group, version));
  return shared;
}
