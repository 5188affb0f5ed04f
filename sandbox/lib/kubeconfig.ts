// Minimal kubeconfig files (one cluster, one user, one context), readable by kubectl and by
// lib/k8s. Written 0600 because they hold bearer tokens.
import { writeFile } from "node:fs/promises";
import { stringify } from "yaml";

export type KubeconfigCredentials = { token: string } | { clientCertPem: string; clientKeyPem: string };

export interface KubeconfigSpec {
  clusterName: string;
  userName: string;
  server: string;
  caPem: string;
  credentials: KubeconfigCredentials;
  namespace?: string;
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

export function renderKubeconfig(spec: KubeconfigSpec): string {
  const user =
    "token" in spec.credentials
      ? { token: spec.credentials.token }
      : {
          "client-certificate-data": b64(spec.credentials.clientCertPem),
          "client-key-data": b64(spec.credentials.clientKeyPem),
        };
  const context = `${spec.userName}@${spec.clusterName}`;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name: spec.clusterName, cluster: { server: spec.server, "certificate-authority-data": b64(spec.caPem) } },
    ],
    users: [{ name: spec.userName, user }],
    contexts: [
      {
        name: context,
        context: {
          cluster: spec.clusterName,
          user: spec.userName,
          ...(spec.namespace ? { namespace: spec.namespace } : {}),
        },
      },
    ],
    "current-context": context,
    preferences: {},
  });
}

export async function writeKubeconfig(file: string, spec: KubeconfigSpec): Promise<string> {
  await writeFile(file, renderKubeconfig(spec), { mode: 0o600 });
  return file;
}
