// Users' RBAC (both clusters: platform admins; consumer: teams) and the portal's own identity,
// defined by deploy/<role>/ and used through a short-lived TokenRequest token.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Cluster } from "../cluster/control-plane";
import { writeKubeconfig } from "../lib/kubeconfig";
import { manifestsIn, REPO_DIR, sandboxManifest } from "./manifests";

export type ClusterName = "provider" | "consumer";

export const PORTAL_SERVICE_ACCOUNT = { namespace: "kube-bind-portal", name: "kube-bind-portal" };
/** Long enough for any sandbox run (two days). */
const TOKEN_SECONDS = 172_800;

export async function setupUserRbac(cluster: Cluster, role: ClusterName): Promise<void> {
  await cluster.admin.applyAll(await sandboxManifest("rbac.yaml"));
  if (role === "consumer") {
    await cluster.admin.applyAll([
      ...(await sandboxManifest("consumer-base.yaml")),
      ...(await sandboxManifest("consumer-rbac.yaml")),
    ]);
  }
}

/** Applies deploy/<role>/*.yaml and writes kubeconfig key `portal` with a TokenRequest token. */
export async function setupPortalIdentity(cluster: Cluster, role: ClusterName): Promise<string> {
  await cluster.admin.applyAll(await manifestsIn(join(REPO_DIR, "deploy", role)));
  return serviceAccountKubeconfig(cluster, PORTAL_SERVICE_ACCOUNT, "portal");
}

/**
 * Writes kubeconfig key `key` of the cluster for a ServiceAccount, with a TokenRequest token,
 * as a pod of that ServiceAccount would authenticate.
 */
export async function serviceAccountKubeconfig(
  cluster: Cluster,
  account: { namespace: string; name: string },
  key: string,
  opts: { namespace?: string } = {},
): Promise<string> {
  const review = await cluster.admin.request<{ status: { token: string } }>(
    "POST",
    `/api/v1/namespaces/${account.namespace}/serviceaccounts/${account.name}/token`,
    { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: { expirationSeconds: TOKEN_SECONDS } },
  );
  const file = join(cluster.dir, `kubeconfig-${key}.yaml`);
  cluster.kubeconfigs[key] = await writeKubeconfig(file, {
    clusterName: cluster.name,
    userName: key,
    server: cluster.server,
    caPem: await readFile(cluster.caFile, "utf8"),
    credentials: { token: review.status.token },
    namespace: opts.namespace,
  });
  return file;
}
