import "server-only";
import { env } from "../env";
import type { KubeClient } from "../k8s/client";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { KubeObject, ResourceRef } from "../k8s/types";
import { log } from "../log";
import { providerKubeconfig } from "./kubeconfig";
import { bindingIdentityKey, IDENTITY_ANNOTATION, OWNER_ANNOTATION, providerNamespaceName } from "./naming";

/** Raised when the identity's namespace belongs to someone else: never hand out its kubeconfig. */
export class NotYourBindingError extends Error {
  constructor() {
    super("this consumer cluster is already bound to the provider by another user");
    this.name = "NotYourBindingError";
  }
}

const core = (resource: string, namespace: string | undefined, name: string): ResourceRef & { name: string } => ({
  group: "",
  version: "v1",
  resource,
  namespace,
  name,
});

async function ensure(client: KubeClient, ref: ResourceRef & { name: string }, body: object): Promise<KubeObject> {
  try {
    return await client.get(ref);
  } catch (e) {
    if (!(e instanceof KubeError && e.notFound)) throw e;
  }
  try {
    return await client.create({ ...ref, name: undefined }, body);
  } catch (e) {
    // A concurrent bind of the same identity created it first.
    if (e instanceof KubeError && e.conflict) return client.get(ref);
    throw e;
  }
}

async function waitForToken(client: KubeClient, namespace: string): Promise<{ token: string; ca: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const secret = await client.get<KubeObject & { data?: Record<string, string> }>(
      core("secrets", namespace, "kube-binder"),
    );
    if (secret.data?.token && secret.data["ca.crt"]) {
      return {
        token: Buffer.from(secret.data.token, "base64").toString("utf8"),
        ca: Buffer.from(secret.data["ca.crt"], "base64").toString("utf8"),
      };
    }
    if (Date.now() > deadline) throw new Error(`the token of ServiceAccount ${namespace}/kube-binder was not issued`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * kube-bind's provider handshake (upstream HandleResources), with upstream's names so the
 * kube-bind controllers and konnector work unchanged. Idempotent: binding twice reuses
 * everything. Returns the kubeconfig for the identity's namespace — only ever for its owner.
 */
export async function provisionConsumer(owner: string, consumerIdentity?: string) {
  const e = env();
  const portal = await portalIdentityClient("provider");
  const key = bindingIdentityKey(owner, consumerIdentity);
  const namespace = providerNamespaceName(e.PORTAL_NAMESPACE_PREFIX, key);

  const ns = await ensure(portal, core("namespaces", undefined, namespace), {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: namespace,
      annotations: { [IDENTITY_ANNOTATION]: key, [OWNER_ANNOTATION]: owner },
      labels: { "app.kubernetes.io/managed-by": "kube-bind-portal" },
    },
  });
  if (ns.metadata.annotations?.[OWNER_ANNOTATION] !== owner) throw new NotYourBindingError();

  await ensure(
    portal,
    { group: "kube-bind.io", version: "v1alpha2", resource: "clusterbindings", namespace, name: "cluster" },
    {
      apiVersion: "kube-bind.io/v1alpha2",
      kind: "ClusterBinding",
      metadata: { name: "cluster", namespace },
      spec: { providerPrettyName: "kube-bind portal", kubeconfigSecretRef: { name: "kubeconfig", key: "kubeconfig" } },
    },
  );
  await ensure(portal, core("serviceaccounts", namespace, "kube-binder"), {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: "kube-binder", namespace },
  });
  await ensure(
    portal,
    { group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings", namespace, name: "kube-binder" },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "kube-binder", namespace },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "kube-binder" },
      subjects: [{ kind: "ServiceAccount", name: "kube-binder", namespace }],
    },
  );
  await ensure(portal, core("secrets", namespace, "kube-binder"), {
    apiVersion: "v1",
    kind: "Secret",
    type: "kubernetes.io/service-account-token",
    metadata: { name: "kube-binder", namespace, annotations: { "kubernetes.io/service-account.name": "kube-binder" } },
  });
  const { token, ca } = await waitForToken(portal, namespace);
  const kubeconfig = providerKubeconfig(portal.conn.server, portal.conn.caPem ?? ca, token, namespace);

  const secretBody = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "kubeconfig", namespace },
    type: "Opaque",
    data: { kubeconfig: Buffer.from(kubeconfig).toString("base64") },
  };
  const existing = await ensure(portal, core("secrets", namespace, "kubeconfig"), secretBody);
  if ((existing as { data?: Record<string, string> }).data?.kubeconfig !== secretBody.data.kubeconfig) {
    await portal.update(core("secrets", namespace, "kubeconfig"), { ...secretBody, metadata: existing.metadata });
  }
  log.info({ audit: { user: owner, action: "bind-handshake", namespace } }, "provider namespace ready");
  return { namespace, kubeconfig };
}
