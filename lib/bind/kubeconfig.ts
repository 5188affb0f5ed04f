import { stringify } from "yaml";

/**
 * The provider kubeconfig of a binding, as upstream's handshake writes it: cluster, user and
 * context "default", the context's namespace being the binding's provider namespace.
 */
export function providerKubeconfig(server: string, caPem: string, token: string, namespace: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name: "default", cluster: { server, "certificate-authority-data": Buffer.from(caPem).toString("base64") } },
    ],
    users: [{ name: "default", user: { token } }],
    contexts: [{ name: "default", context: { cluster: "default", user: "default", namespace } }],
    "current-context": "default",
  });
}
