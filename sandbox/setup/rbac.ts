// Users' RBAC (both clusters: platform admins; consumer: teams) and the portal's own identity,
// defined by deploy/<role>/ and used through a short-lived TokenRequest token.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { APIS } from "../../lib/k8s/apis";
import { applyAll } from "../../lib/k8s/apply";
import type { KubeObject } from "../../lib/k8s/types";
import type { Cluster } from "../cluster/control-plane";
import { SANDBOX_APPLY } from "../lib/kube";
import { writeKubeconfig } from "../lib/kubeconfig";
import { manifestsIn, REPO_DIR, sandboxManifest } from "./manifests";

export type ClusterName = "provider" | "consumer";

export const PORTAL_SERVICE_ACCOUNT = { namespace: "kube-bind-portal", name: "kube-bind-portal" };
/** Long enough for any sandbox run (two days). */
const TOKEN_SECONDS = 172_800;

export async function setupUserRbac(cluster: Cluster, role: ClusterName): Promise<void> {
  await applyAll(cluster.admin, await sandboxManifest("rbac.yaml"), SANDBOX_APPLY);
  if (role === "consumer") {
    await applyAll(
      cluster.admin,
      [...(await sandboxManifest("consumer-base.yaml")), ...(await sandboxManifest("consumer-rbac.yaml"))],
      SANDBOX_APPLY,
    );
  }
}

/** Applies deploy/<role>/*.yaml and writes kubeconfig key `portal` with a TokenRequest token. */
export async function setupPortalIdentity(cluster: Cluster, role: ClusterName): Promise<string> {
  await applyAll(cluster.admin, await manifestsIn(join(REPO_DIR, "deploy", role)), SANDBOX_APPLY);
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
  const review = await cluster.admin.create<KubeObject & { status: { token: string } }>(
    { ...APIS.serviceAccounts, ...account, subresource: "token" },
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
