/**
 * The wire contract of GET /api/live (isomorphic: the route and the browser both use it).
 *
 *   GET /api/live?sub=dashboard&sub=lb:<namespace>/<name>      (session cookie; 401 JSON otherwise)
 *   GET /api/live?sub=lbs?sort=name%26stage=failed%26after=…  (one page of the list: `lbs` and
 *                                                               its request, list-page.ts listSub)
 *   GET /api/live?sub=provider&sub=provider:<binding namespace> (the provider console: platform
 *                                                                admins only, 404 JSON otherwise)
 *   Content-Type: text/event-stream
 *
 *   retry: 2000
 *   event: view      id: dashboard~a1b2c3d4e5f6|lb:default/my-lb~d4e5f6a7b8c9
 *                    data: {"sub":"lb:default/my-lb","view":{…}}
 *   event: patch     id: (as for view)
 *                    data: {"sub":"dashboard","patch":{set,unset,lists}}   (view-patch.ts)
 *   event: problem   data: {"sub":"…","error":{"status":404,"reason":"NotBound","message":"…"}}
 *   event: revoked   data: {"sub":"…","error":{…}}   (the sub is dropped; its id entry too)
 *   : hb             every 15 s
 *
 * The id lists, for every sub, a short hash of the last view sent. A reconnect sends it back as
 * Last-Event-ID and the server only sends subs whose current view hashes differently.
 * A `patch` turns the view this connection sent last for the sub into the next one; the first
 * message of a sub on every connection is a whole `view`.
 */
import type { ViewPatch } from "./view-patch";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export type LiveSub =
  | "dashboard"
  | "lbs"
  | `lbs?${string}`
  | `lb:${string}/${string}`
  | "provider"
  | `provider:${string}`;

export const liveSub = {
  /** the overview: counts by stage, the binding's konnector, the latest changes */
  dashboard: "dashboard" as LiveSub,
  loadBalancer: (namespace: string, name: string): LiveSub => `lb:${namespace}/${name}`,
  provider: "provider" as LiveSub,
  providerConsumer: (namespace: string): LiveSub => `provider:${namespace}`,
};

/** At most this many subs per stream: a page needs one or two. */
export const MAX_SUBS = 16;

export type ParsedSub =
  | { kind: "dashboard" }
  /** `query` is checked field by field on the server (subs-query.ts) */
  | { kind: "list"; query: string }
  | { kind: "loadBalancer"; namespace: string; name: string }
  | { kind: "provider" }
  | { kind: "providerConsumer"; namespace: string };

/** The provider console's subs, which only platform admins may open. */
export const isProviderSub = (sub: ParsedSub | undefined) =>
  sub?.kind === "provider" || sub?.kind === "providerConsumer";

export function parseSub(sub: string): ParsedSub | undefined {
  if (sub === "dashboard") return { kind: "dashboard" };
  if (sub === "lbs" || sub.startsWith("lbs?")) return { kind: "list", query: sub.slice(4) };
  if (sub === "provider") return { kind: "provider" };
  const p = /^provider:(.+)$/.exec(sub);
  if (p) return DNS_LABEL.test(p[1]) ? { kind: "providerConsumer", namespace: p[1] } : undefined;
  const m = /^lb:([^/]+)\/([^/]+)$/.exec(sub);
  if (!m || !DNS_LABEL.test(m[1]) || !DNS_SUBDOMAIN.test(m[2])) return undefined;
  return { kind: "loadBalancer", namespace: m[1], name: m[2] };
}

/** A short, URL- and id-safe hash; the caller supplies the digest (node:crypto on the server). */
const HASH = /^[A-Za-z0-9_-]{1,32}$/;

/** `sub~hash|sub~hash`, in the order of `subs`. */
export function formatEventId(subs: readonly LiveSub[], hashes: ReadonlyMap<LiveSub, string>): string {
  return subs.flatMap((s) => (hashes.has(s) ? [`${s}~${hashes.get(s)}`] : [])).join("|");
}

/** The hashes a reconnecting client already holds; anything malformed is ignored (sent again). */
export function parseEventId(id: string | null | undefined): Map<LiveSub, string> {
  const out = new Map<LiveSub, string>();
  for (const part of (id ?? "").split("|")) {
    const at = part.lastIndexOf("~");
    if (at <= 0) continue;
    const sub = part.slice(0, at);
    const hash = part.slice(at + 1);
    if (parseSub(sub) && HASH.test(hash)) out.set(sub as LiveSub, hash);
  }
  return out;
}

/** What a `problem` or `revoked` event carries: the portal's error vocabulary, without detail. */
export interface LiveError {
  status: number;
  reason: string;
  message: string;
}

export interface ViewMessage<V = unknown> {
  sub: LiveSub;
  view: V;
}

export interface PatchMessage {
  sub: LiveSub;
  patch: ViewPatch;
}

export interface ProblemMessage {
  sub: LiveSub;
  error: LiveError;
}

/** The kinds of messages; `: hb` comments carry nothing. */
export type LiveEventName = "view" | "patch" | "problem" | "revoked";
