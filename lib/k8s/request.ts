import { setTimeout as sleep } from "node:timers/promises";
import { request } from "undici";
import type { ClusterConnection } from "./connection";
import { KubeError, kubeErrorFromResponse, unreachable } from "./errors";
import { type Actor, actorName, type ResourceRef, resourcePath } from "./types";

export type Verb = "get" | "list" | "create" | "update" | "patch" | "delete" | "watch";

export interface KubeRequest {
  verb: Verb;
  ref: ResourceRef;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** for patches: merge-patch by default, apply-patch for server-side apply */
  contentType?: string;
  signal?: AbortSignal;
  /** a path that no ResourceRef names, e.g. /apis for discovery (`ref` still names it in the log) */
  path?: string;
}

const METHOD: Record<Verb, "GET" | "POST" | "PUT" | "PATCH" | "DELETE"> = {
  get: "GET",
  list: "GET",
  watch: "GET",
  create: "POST",
  update: "PUT",
  patch: "PATCH",
  delete: "DELETE",
};

export function impersonationHeaders(actor: Actor): Record<string, string | string[]> {
  if (actor.kind === "portal") return {};
  // One header per group: the apiserver does not split comma-joined values.
  return { "impersonate-user": actor.user, "impersonate-group": actor.groups };
}

export function requestUrl(conn: ClusterConnection, req: KubeRequest): string {
  const url = new URL(conn.server + (req.path ?? resourcePath(req.ref)));
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  if (req.verb === "watch") url.searchParams.set("watch", "true");
  return url.toString();
}

/** Opens a request and returns the raw undici response; errors become KubeError. */
export async function openRequest(conn: ClusterConnection, actor: Actor, req: KubeRequest) {
  const headers: Record<string, string | string[]> = {
    accept: "application/json",
    ...(await conn.authHeaders()),
    ...impersonationHeaders(actor),
  };
  let body: string | undefined;
  if (req.body !== undefined) {
    body = JSON.stringify(req.body);
    headers["content-type"] =
      req.contentType ?? (req.verb === "patch" ? "application/merge-patch+json" : "application/json");
  }
  try {
    return await request(requestUrl(conn, req), {
      method: METHOD[req.verb],
      headers,
      body,
      dispatcher: conn.dispatcher,
      signal: req.signal,
      headersTimeout: 30_000,
      bodyTimeout: req.verb === "watch" ? 0 : 60_000,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw unreachable(conn.name, e);
  }
}

/**
 * One Kubernetes API call as `actor`. Every call writes one structured log line (verb,
 * resource, cluster, namespace, duration, user, status) and never the body or credentials.
 */
export async function kubeRequest<T>(conn: ClusterConnection, actor: Actor, req: KubeRequest): Promise<T> {
  const started = performance.now();
  let status = 0;
  try {
    let res = await openRequest(conn, actor, req);
    // An apiserver that is busy or still initialising a new API's storage (right after a CRD is
    // installed) answers 429 with Retry-After; the request was not processed, so it is asked again,
    // as client-go does, a few times and briefly.
    for (let attempt = 1; res.statusCode === 429 && attempt < RETRIES_ON_429; attempt++) {
      const seconds = Number(res.headers["retry-after"]);
      if (!Number.isFinite(seconds)) break;
      await res.body.dump();
      await sleep(Math.min(Math.max(seconds, 0.1), 2) * 1000, undefined, { signal: req.signal });
      res = await openRequest(conn, actor, req);
    }
    status = res.statusCode;
    const text = await res.body.text();
    const parsed = text ? safeJson(text) : undefined;
    if (status >= 400) throw kubeErrorFromResponse(conn.name, status, parsed ?? text);
    return parsed as T;
  } catch (e) {
    if (e instanceof KubeError) status = e.status;
    throw e;
  } finally {
    conn.log.info(
      {
        k8s: {
          verb: req.verb,
          resource: [req.ref.group, req.ref.resource, req.ref.subresource].filter(Boolean).join("/"),
          name: req.ref.name,
          cluster: conn.name,
          namespace: req.ref.namespace,
          user: actorName(actor),
          status,
          dryRun: req.query?.dryRun === "All" || undefined,
          ms: Math.round(performance.now() - started),
        },
      },
      "kubernetes call",
    );
  }
}

/** How many times a request answered 429 with Retry-After is sent in all. */
export const RETRIES_ON_429 = 5;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
