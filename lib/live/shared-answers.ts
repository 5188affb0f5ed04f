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
import { actorKey } from "../k8s/watch-hub";

const answers = new Map<string, { at: number; answer: Promise<unknown> }>();

function remembered<T>(key: string, ttlMs: number, ask: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = answers.get(key);
  if (hit && now - hit.at < ttlMs) return hit.answer as Promise<T>;
  // Oldest first (insertion order): drop what expired, so the map holds about a second's questions.
  for (const [old, entry] of answers) {
    if (now - entry.at < ttlMs) break;
    answers.delete(old);
  }
  const answer = ask();
  answers.delete(key);
  answers.set(key, { at: now, answer });
  answer.catch(() => {
    if (answers.get(key)?.answer === answer) answers.delete(key);
  });
  return answer;
}

/** `client` (a user's), with `can` and `served` answers shared for `ttlMs` among the same identity's clients. */
export function withSharedAnswers(client: KubeClient, ttlMs = 1_000): KubeClient {
  const who = `${client.conn.server} ${actorKey(client.actor)}`;
  const shared = Object.create(client) as KubeClient;
  shared.can = (attrs) => remembered(JSON.stringify([who, "can", attrs]), ttlMs, () => client.can(attrs));
  shared.served = (group, version) =>
    remembered(JSON.stringify([who, "served", group, version]), ttlMs, () => client.served(group, version));
  return shared;
}
