// What a cluster serves for a group version, read as the given client's actor: discovery says
// whether the resource is served (and its kind), the OpenAPI v3 document gives its schema. Both
// are open to every authenticated user, so this works as the signed-in user without CRD rights.
// Both are read once per server action (lib/k8s/request-cache.ts).
import "server-only";
import type { KubeClient } from "../k8s/client";
import { servedResources } from "../k8s/discovery";
import { isNotFound } from "../k8s/errors";
import { readOnce } from "../k8s/request-cache";
import { type KindSchema, schemaFromOpenApiV3 } from "./json-schema";

export interface ServedRef {
  group: string;
  version: string;
  resource: string;
}

/** GET /openapi/v3/apis/<group>/<version> (core: /openapi/v3/api/v1) as the client's actor. */
export function openApiV3(client: KubeClient, group: string, version: string): Promise<unknown> {
  const path = group === "" ? `/openapi/v3/api/${version}` : `/openapi/v3/apis/${group}/${version}`;
  return readOnce(client, path, () => client.getPath(path));
}

export type ServedSchema =
  | { state: "served"; kind: KindSchema }
  /** discovery does not list the resource: the export is not bound (yet) */
  | { state: "not-served" }
  /** served, but the apiserver has not published its schema yet (a few seconds after binding) */
  | { state: "no-schema"; kind: string };

/** The schema of a resource as the cluster serves it, read as the client's actor. */
export async function servedSchema(client: KubeClient, ref: ServedRef): Promise<ServedSchema> {
  const resources = await servedResources(client, ref.group, ref.version);
  const found = resources?.find((r) => r.name === ref.resource);
  if (!found) return { state: "not-served" };
  let doc: unknown;
  try {
    doc = await openApiV3(client, ref.group, ref.version);
  } catch (e) {
    if (isNotFound(e)) return { state: "no-schema", kind: found.kind };
    throw e;
  }
  const schema = schemaFromOpenApiV3(doc, { group: ref.group, version: ref.version, kind: found.kind });
  if (!schema) return { state: "no-schema", kind: found.kind };
  return {
    state: "served",
    kind: { ...ref, kind: found.kind, plural: ref.resource, namespaced: found.namespaced, schema },
  };
}
