// For tests: the provider-side objects of kube-bind's bind handshake (Manager.HandleResources,
// protocol §3.1), made as the provider admin, without the portal: per-identity namespace,
// ServiceAccount + token Secret kube-binder, RoleBinding to the shipped ClusterRole kube-binder,
// Secret `kubeconfig`, ClusterBinding `cluster`. Returns the kube-binder kubeconfig.
import { randomBytes } from "node:crypto";
import { providerKubeconfig } from "../../../lib/bind/kubeconfig";
import { type KubeClient, resourcePath } from "./client";
import { API_VERSION, CLUSTER_BINDING, clusterRoleName, R, SERVICE_ACCOUNT } from "./naming";
import type { Secret } from "./types";

export interface ProviderIdentity {
  namespace: string;
  /** kubeconfig YAML for the kube-binder ServiceAccount, context namespace = `namespace` */
  kubeconfig: string;
  /** deletes the namespace, the provider namespaces made for it and its cluster-wide RBAC */
  cleanup(): Promise<void>;
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function createProviderIdentity(admin: KubeClient, prettyName = "sandbox"): Promise<ProviderIdentity> {
  const namespace = `kube-bind-t${randomBytes(3).toString("hex")}`;
  const ns = namespace;
  await admin.create(resourcePath(R.namespaces), {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: ns, annotations: { "backend.kube-bind.io/identity": `test#${ns}` } },
  });
  const cleanup = async () => {
    await admin.delete(resourcePath(R.namespaces, undefined, ns));
    const all = await admin.list(resourcePath(R.namespaces));
    for (const other of all.items)
      if (other.metadata.name.startsWith(`${ns}-`))
        await admin.delete(resourcePath(R.namespaces, undefined, other.metadata.name));
    await admin.delete(resourcePath(R.clusterRoleBindings, undefined, clusterRoleName(ns)));
    await admin.delete(resourcePath(R.clusterRoles, undefined, clusterRoleName(ns)));
  };
  try {
    await admin.create(resourcePath({ group: "", version: "v1", plural: "serviceaccounts" }, ns), {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: SERVICE_ACCOUNT, namespace: ns },
    });
    await admin.create(resourcePath(R.secrets, ns), {
      apiVersion: "v1",
      kind: "Secret",
      type: "kubernetes.io/service-account-token",
      metadata: {
        name: SERVICE_ACCOUNT,
        namespace: ns,
        annotations: { "kubernetes.io/service-account.name": SERVICE_ACCOUNT },
      },
    });
    await admin.create(resourcePath(R.roleBindings, ns), {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: SERVICE_ACCOUNT, namespace: ns },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "kube-binder" },
      subjects: [{ kind: "ServiceAccount", name: SERVICE_ACCOUNT, namespace: ns }],
    });
    // kube-controller-manager's token controller fills the Secret.
    const filled = await poll("the kube-binder token", async () => {
      const s = await admin.get<Secret>(resourcePath(R.secrets, ns, SERVICE_ACCOUNT));
      return s?.data?.token && s.data["ca.crt"] ? s.data : undefined;
    });
    const kubeconfig = providerKubeconfig(
      admin.server,
      Buffer.from(filled["ca.crt"], "base64").toString("utf8"),
      Buffer.from(filled.token, "base64").toString("utf8"),
      ns,
    );
    await admin.create(resourcePath(R.secrets, ns), {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "kubeconfig", namespace: ns },
      data: { kubeconfig: Buffer.from(kubeconfig).toString("base64") },
    });
    await admin.create(resourcePath(R.clusterBindings, ns), {
      apiVersion: API_VERSION,
      kind: "ClusterBinding",
      metadata: { name: CLUSTER_BINDING, namespace: ns },
      spec: { providerPrettyName: prettyName, kubeconfigSecretRef: { name: "kubeconfig", key: "kubeconfig" } },
    });
    return { namespace: ns, kubeconfig, cleanup };
  } catch (e) {
    await cleanup().catch(() => undefined);
    throw e;
  }
}
