// What a cluster serves for a group version, read as the given client's actor: discovery says
// whether the resource is served (and its kind), the OpenAPI v3 document gives its schema. Both
// are open to every authenticated user, so this works as the signed-in user without CRD rights.
import "server-only";
import { request } from "undici";
import type { KubeClient } from "../k8s/client";
import { kubeErrorFromResponse, unreachable } from "../k8s/errors";
import { impersonationHeaders } from "../k8s/request";
import { actorName } from "../k8s/types";
import { log } from "../log";
import { type KindSchema, schemaFromOpenApiV3 } from "./json-schema";

export interface ServedRef {
  group: string;
  version: string;
  resource: string;
}

/** GET /openapi/v3/apis/<group>/<version> (core: /openapi/v3/api/v1) as the client's actor. */
export async function openApiV3(client: KubeClient, group: string, version: string): Promise<unknown> {
  const path = group === "" ? `/openapi/v3/api/${version}` : `/openapi/v3/apis/${group}/${version}`;
  const started = performance.now();
  let status = 0;
  try {
    const res = await request(client.conn.server + path, {
      method: "GET",
      headers: {
        accept: "application/json",
        ...(await client.conn.authHeaders()),
        ...impersonationHeaders(client.actor),
      },
      dispatcher: client.conn.getDispatcher(),
      headersTimeout: 30_000,
      bodyTimeout: 60_000,
    }).catch((e) => {
      throw unreachable(client.cluster, e);
    });
    status = res.statusCode;
    const text = await res.body.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    if (status >= 400) throw kubeErrorFromResponse(client.cluster, status, body);
    return body;
  } finally {
    log.info(
      {
        k8s: {
          verb: "get",
          resource: `openapi/v3 ${group}/${version}`,
          cluster: client.cluster,
          user: actorName(client.actor),
          status,
          ms: Math.round(performance.now() - started),
        },
      },
      "kubernetes call",
    );
  }
}

export type ServedSchema =
  | { state: "served"; kind: KindSchema }
  /** discovery does not list the resource: the export is not bound (yet) */
  | { state: "not-served" }
  /** served, but the apiserver has not published its schema yet (a few seconds after binding) */
  | { state: "no-schema"; kind: string };

/** The schema of a resource as the cluster serves it, read as the client's actor. */
export async function servedSchema(client: KubeClient, ref: ServedRef): Promise<ServedSchema> {
  const resources = await client.served(ref.group, ref.version);
  const found = resources?.find((r) => r.name === ref.resource);
  if (!found) return { state: "not-served" };
  let doc: unknown;
  try {
    doc = await openApiV3(client, ref.group, ref.version);
  } catch (e) {
    if ((e as { notFound?: boolean }).notFound) return { state: "no-schema", kind: found.kind };
    throw e;
  }
  const schema = schemaFromOpenApiV3(doc, { group: ref.group, version: ref.version, kind: found.kind });
  if (!schema) return { state: "no-schema", kind: found.kind };
  return {
    state: "served",
    kind: { ...ref, kind: found.kind, plural: ref.resource, namespaced: found.namespaced, schema },
  };
}
