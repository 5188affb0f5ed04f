// The backend's `serviceexportrequest` controller: for a Pending APIServiceExportRequest, turn the
// exported CRDs it names into BoundSchemas, validate it, create the APIServiceExport of the same
// name (and APIServiceNamespaces for spec.namespaces), and report phase + conditions.
import { isConflict, type KubeClient, resourcePath } from "./client";
import { markFalse, markTrue, sameJson, setSummary } from "./conditions";
import type { Log } from "./informer";
import {
  API_VERSION,
  EXPORTED_LABEL,
  isClaimable,
  OWNER_LABEL,
  R,
  resourceGroupName,
  SOURCE_SPEC_HASH_ANNOTATION,
} from "./naming";
import { boundSchemaFromCrd, boundSchemasHash } from "./schema";
import type { BoundSchema, Condition, Crd, ExportRequest, GroupResource, ServiceExport } from "./types";

export interface RequestContext {
  client: KubeClient;
  log: Log;
  /** --consumer-scope: informerScope of BoundSchemas and APIServiceExports */
  informerScope: string;
}

type Verdict = { ok: true } | { ok: false; type: string; reason: string; message: string };

const groupResourceString = (g: GroupResource) => (g.group ? `${g.resource}.${g.group}` : g.resource);

/** Validation of upstream's `validate`, plus "no versions" (which upstream leaves Pending forever). */
export function validateRequest(req: ExportRequest, exported: Map<string, Crd>): Verdict {
  const resources = req.spec?.resources ?? [];
  const fail = (type: string, reason: string, message: string): Verdict => ({ ok: false, type, reason, message });
  if (resources.length === 0) return fail("ExportsReady", "NoResources", "The request names no resources");
  if (exported.size === 0) return fail("ExportsReady", "SchemaNotFound", "Schema not found");
  let scope: string | undefined;
  for (const res of resources) {
    const crd = exported.get(resourceGroupName(res));
    if (!crd) return fail("ExportsReady", "SchemaNotFound", `Schema ${resourceGroupName(res)} not found`);
    if (!res.versions?.length)
      return fail("ExportsReady", "BoundSchemaNotFound", `Resource ${resourceGroupName(res)} lists no versions`);
    scope ??= crd.spec.scope;
    if (crd.spec.scope !== scope)
      return fail("ExportsReady", "DifferentScopes", `Different scopes found: ${crd.spec.scope}`);
  }
  const seen = new Set<string>();
  for (const claim of req.spec?.permissionClaims ?? []) {
    const gr = groupResourceString(claim);
    if (!isClaimable(claim))
      return fail("PermissionClaim", "InvalidPermissionClaim", `Resource ${gr} is not a valid claimable API`);
    if (seen.has(gr))
      return fail("PermissionClaim", "DuplicatePermissionClaim", `Duplicate permission claim found for ${gr}`);
    seen.add(gr);
  }
  return { ok: true };
}

async function exportedCrds(client: KubeClient): Promise<Map<string, Crd>> {
  const list = await client.list<Crd>(
    resourcePath(R.crds),
    `labelSelector=${encodeURIComponent(`${EXPORTED_LABEL}=true`)}`,
  );
  return new Map(list.items.map((crd) => [`${crd.spec.names.plural}.${crd.spec.group}`, crd]));
}

async function createIfMissing(client: KubeClient, collection: string, obj: { metadata: { name: string } }) {
  if (await client.get(`${collection}/${encodeURIComponent(obj.metadata.name)}`)) return false;
  try {
    await client.create(collection, obj);
    return true;
  } catch (e) {
    if (isConflict(e)) return false;
    throw e;
  }
}

export async function reconcileRequest(ctx: RequestContext, namespace: string, name: string): Promise<void> {
  const { client, log } = ctx;
  const req = await client.get<ExportRequest>(resourcePath(R.exportRequests, namespace, name));
  if (!req) return;
  const phase = req.status?.phase || "Pending";
  if (phase !== "Pending") return; // terminal: upstream only acts on Pending requests

  const exported = await exportedCrds(client);
  // BoundSchemas first, as upstream: a later retry of a fixed request reuses them.
  const schemas: BoundSchema[] = [];
  for (const res of req.spec?.resources ?? []) {
    const crd = exported.get(resourceGroupName(res));
    if (!crd || !res.versions?.length) continue;
    const schema = boundSchemaFromCrd(crd, namespace, ctx.informerScope);
    if (await createIfMissing(client, resourcePath(R.boundSchemas, namespace), schema))
      log(`created BoundSchema ${namespace}/${schema.metadata.name}`);
    schemas.push(schema);
  }

  let conditions: Condition[] | undefined = req.status?.conditions;
  const status: NonNullable<ExportRequest["status"]> = { ...req.status, phase: "Pending" };
  const verdict = validateRequest(req, exported);
  if (!verdict.ok) {
    const severity = "Error";
    conditions = markFalse(conditions, verdict.type, verdict.reason, severity, verdict.message);
    status.phase = "Failed";
    status.terminalMessage = verdict.message;
    log(`APIServiceExportRequest ${namespace}/${name} failed: ${verdict.message}`);
  } else {
    await ensureExport(ctx, req, schemas);
    conditions = markTrue(conditions, "ExportsReady");
    if (req.spec?.permissionClaims?.length) conditions = markTrue(conditions, "PermissionClaim");
    status.phase = "Succeeded";
    log(`APIServiceExportRequest ${namespace}/${name} succeeded`);
  }
  status.conditions = setSummary(conditions);
  if (sameJson(status, req.status)) return;
  await client.update(resourcePath(R.exportRequests, namespace, name, "status"), { ...req, status });
}

async function ensureExport(ctx: RequestContext, req: ExportRequest, schemas: BoundSchema[]): Promise<void> {
  const { client } = ctx;
  const { name, namespace = "" } = req.metadata;
  const scope = schemas[0]?.spec.scope;
  const exp: ServiceExport = {
    apiVersion: API_VERSION,
    kind: "APIServiceExport",
    metadata: { name, namespace, annotations: { [SOURCE_SPEC_HASH_ANNOTATION]: boundSchemasHash(schemas) } },
    spec: {
      resources: (req.spec?.resources ?? []).map((r) => ({
        group: r.group ?? "",
        resource: r.resource,
        versions: r.versions,
      })),
      ...(req.spec?.permissionClaims ? { permissionClaims: req.spec.permissionClaims } : {}),
      informerScope: ctx.informerScope,
      ...(scope === "Cluster" ? { clusterScopedIsolation: "Prefixed" } : {}),
    },
  };
  if (await createIfMissing(client, resourcePath(R.exports, namespace), exp))
    ctx.log(`created APIServiceExport ${namespace}/${name}`);
  const created = await client.get<ServiceExport>(resourcePath(R.exports, namespace, name));
  if (!created?.metadata.uid) throw new Error(`APIServiceExport ${namespace}/${name} vanished`);
  // spec.namespaces: provider-owned APIServiceNamespaces, controlled by the export.
  for (const ns of req.spec?.namespaces ?? []) {
    const sns = {
      apiVersion: API_VERSION,
      kind: "APIServiceNamespace",
      metadata: {
        name: ns.name,
        namespace,
        labels: { [OWNER_LABEL]: "provider" },
        ownerReferences: [
          { apiVersion: API_VERSION, kind: "APIServiceExport", name, uid: created.metadata.uid, controller: true },
        ],
      },
    };
    await createIfMissing(client, resourcePath(R.serviceNamespaces, namespace), sns);
  }
}
