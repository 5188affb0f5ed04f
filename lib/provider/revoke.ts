// Revoking a consumer's binding from the provider console. Server-only. Everything here is done
// AS THE ADMIN (impersonated), so the admin's own RBAC on the provider decides what they may see
// and delete; the portal's identity only impersonates. The plan lists every object that goes; the
// revocation deletes the binding's namespace and the namespaces of its synced objects (the
// binding namespace first: its kube-binder token dies with it, so the konnector cannot write back).
import { APIS } from "../k8s/apis";
import "server-only";
import { z } from "zod";
import { type FormResult, fail } from "../forms/action-result";
import type { KubeClient } from "../k8s/client";
import { userClient } from "../k8s/clusters";
import { namespacedResources } from "../k8s/discovery";
import { KubeError } from "../k8s/errors";
import { ClusterBinding, Namespace, parseAll, parseOptional, ServiceNamespace } from "../k8s/models";
import type { Identity, KubeObject } from "../k8s/types";
import { log } from "../log";
import { attempt, type PortalError, type Result } from "../result";
import { consoleNotFound, mayOpenConsole } from "./access";
import { revokePlan } from "./revoke-plan";
import { IDENTITY_ANNOTATION, PRETTY_NAME_ANNOTATION } from "./snapshot";
import type { RevokePlan } from "./types";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const PreviewInput = z.object({ namespace: z.string().max(63).regex(DNS_LABEL) });
export const RevokeInput = PreviewInput.extend({
  /** the binding namespace typed again, as confirmation */
  confirm: z.string().max(300),
});

const ENVOY_NAMESPACE = "envoy-gateway-system";

export interface Admin {
  identity: Identity;
  adminGroup: string;
  /** the provider as the admin (impersonated); lib/k8s/clusters' userClient by default */
  providerAs?: (identity: Identity) => Promise<KubeClient>;
}

const asAdmin = (a: Admin) => (a.providerAs ?? ((i: Identity) => userClient("provider", i)))(a.identity);

const items = async (client: KubeClient, ref: Parameters<KubeClient["list"]>[0], query = {}) => {
  try {
    return (await client.list(ref, query)).items;
  } catch (e) {
    // An API the provider does not serve holds nothing that could go.
    if (e instanceof KubeError && e.notFound) return [];
    throw e;
  }
};

/** A list's items carry no apiVersion/kind: put them back for the plan. */
const typed = (list: KubeObject[], apiVersion: string, kind: string) => list.map((o) => ({ ...o, apiVersion, kind }));

async function buildPlan(admin: KubeClient, namespace: string): Promise<RevokePlan | undefined> {
  const binding = parseAll(ClusterBinding, await items(admin, { ...APIS.clusterBindings, namespace }))[0];
  // Only a namespace that holds a binding can be revoked here (never any other namespace).
  if (!binding) return undefined;
  const ns = parseOptional(
    Namespace,
    await admin.get({ ...APIS.namespaces, name: namespace }).catch((e) => {
      if (e instanceof KubeError && e.notFound) return undefined;
      throw e;
    }),
  );
  const mapped = parseAll(ServiceNamespace, await items(admin, { ...APIS.serviceNamespaces, namespace }))
    .map((s) => s.status?.namespace)
    .filter((n): n is string => Boolean(n));
  const existing = new Set((await items(admin, APIS.namespaces)).map((n) => n.metadata.name));
  const namespaces = [namespace, ...mapped.filter((n, i) => n !== namespace && mapped.indexOf(n) === i)].filter((n) =>
    existing.has(n),
  );
  const resources = await namespacedResources(admin);
  const inside = (
    await Promise.all(
      namespaces.flatMap((n) =>
        resources.map(async (r) =>
          typed(
            await items(admin, { group: r.group, version: r.version, resource: r.resource, namespace: n }),
            r.group ? `${r.group}/${r.version}` : r.version,
            r.kind,
          ),
        ),
      ),
    )
  ).flat();
  const [clusterRoles, referenceGrants, envoyServices] = await Promise.all([
    items(admin, APIS.clusterRoles).then((l) => typed(l, "rbac.authorization.k8s.io/v1", "ClusterRole")),
    items(admin, APIS.referenceGrants).then((l) => typed(l, "gateway.networking.k8s.io/v1beta1", "ReferenceGrant")),
    items(admin, { ...APIS.services, namespace: ENVOY_NAMESPACE }).then((l) => typed(l, "v1", "Service")),
  ]);
  const annotations = { ...ns?.metadata.annotations, ...binding.metadata.annotations };
  return revokePlan({
    namespace,
    consumer: annotations[PRETTY_NAME_ANNOTATION] || annotations[IDENTITY_ANNOTATION] || namespace,
    namespaces,
    inside,
    clusterRoles,
    referenceGrants,
    envoyServices,
  });
}

const notABinding = (namespace: string): PortalError => ({
  cluster: "provider",
  status: 404,
  reason: "NotFound",
  message: `There is no binding in namespace ${namespace} (any more).`,
});

/**
 * What revoking would delete, listed and dry-run as the admin: a refusal by the provider's RBAC
 * shows here, before anything is deleted.
 */
export async function previewRevoke(a: Admin, raw: unknown): Promise<Result<RevokePlan>> {
  const input = PreviewInput.safeParse(raw);
  if (!input.success)
    return { ok: false, error: { status: 400, reason: "BadRequest", message: "Not a namespace name." } };
  const allowed = await attempt(() => mayOpenConsole(a.identity, a.adminGroup, a.providerAs, true));
  if (!allowed.ok) return allowed;
  if (!allowed.data) return { ok: false, error: consoleNotFound };
  return attempt(async () => {
    const admin = await asAdmin(a);
    const plan = await buildPlan(admin, input.data.namespace);
    if (!plan) throw new KubeError("provider", 404, "NotFound", notABinding(input.data.namespace).message);
    for (const n of plan.namespaces) await admin.delete({ ...APIS.namespaces, name: n }, { dryRun: true });
    return plan;
  });
}

export type RevokeOutcome = FormResult<{ href: string; deleted: string[] }>;

/** Deletes the binding's namespaces as the admin, once the binding namespace was typed again. */
export async function revokeConsumer(a: Admin, raw: unknown): Promise<RevokeOutcome> {
  const input = RevokeInput.safeParse(raw);
  if (!input.success) return fail({ form: "The form sent data this page does not understand; reload the page." });
  const { namespace, confirm } = input.data;
  if (confirm.trim() !== namespace) return fail({ confirm: `Type ${namespace} exactly to confirm the revocation.` });
  const explain = (e: PortalError) => fail({}, { message: `Nothing more was deleted: ${e.message}` });
  const allowed = await attempt(() => mayOpenConsole(a.identity, a.adminGroup, a.providerAs, true));
  if (!allowed.ok) return explain(allowed.error);
  if (!allowed.data) return explain(consoleNotFound);
  const deleted: string[] = [];
  const result = await attempt(async () => {
    const admin = await asAdmin(a);
    const plan = await buildPlan(admin, namespace);
    if (!plan) throw new KubeError("provider", 404, "NotFound", notABinding(namespace).message);
    for (const n of plan.namespaces) {
      await admin.delete({ ...APIS.namespaces, name: n }, { propagationPolicy: "Background" });
      deleted.push(n);
      log.info(
        { audit: { user: a.identity.user, action: "delete", resource: "namespaces", name: n, revoke: namespace } },
        "binding namespace deleted (revoke)",
      );
    }
  });
  if (!result.ok) {
    const done = deleted.length ? ` Already deleted: ${deleted.join(", ")}.` : "";
    return fail({}, { message: `${result.error.message}.${done}` });
  }
  return { ok: true, href: "/provider", deleted };
}
