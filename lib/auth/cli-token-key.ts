import "server-only";
import { env } from "../env";
import { APIS } from "../k8s/apis";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import { keyFromJwk, loadKeyFile, newJwk, type SigningKey } from "./signing-key";

let key: Promise<SigningKey> | undefined;

/** The CLI-token signing key from CLI_TOKEN_KEY_FILE or CLI_TOKEN_KEY_SECRET, loaded once. */
export function cliTokenKey(): Promise<SigningKey> {
  key ??= load();
  key.catch(() => {
    key = undefined;
  });
  return key;
}

async function load(): Promise<SigningKey> {
  const e = env();
  if (e.CLI_TOKEN_KEY_FILE) return loadKeyFile(e.CLI_TOKEN_KEY_FILE);
  const [namespace, name] = (e.CLI_TOKEN_KEY_SECRET as string).split("/");
  return loadKeySecret(namespace, name);
}

/** Reads the key from a provider Secret, creating it once if it does not exist. */
async function loadKeySecret(namespace: string, name: string): Promise<SigningKey> {
  const portal = await portalIdentityClient("provider");
  const ref = { ...APIS.secrets, namespace, name };
  try {
    const secret = await portal.get<{ data?: Record<string, string> } & import("../k8s/types").KubeObject>(ref);
    const jwk = secret.data?.["key.jwk"];
    if (!jwk) throw new Error(`Secret ${namespace}/${name} has no key.jwk entry (CLI_TOKEN_KEY_SECRET)`);
    return keyFromJwk(JSON.parse(Buffer.from(jwk, "base64").toString("utf8")));
  } catch (err) {
    if (!(err instanceof KubeError && err.notFound)) throw err;
  }
  const jwk = await newJwk();
  try {
    await portal.create(
      { ...APIS.secrets, namespace },
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name, namespace, labels: { "app.kubernetes.io/name": "kube-bind-portal" } },
        type: "Opaque",
        stringData: { "key.jwk": JSON.stringify(jwk) },
      },
    );
  } catch (err) {
    // Another replica created it first: use theirs.
    if (err instanceof KubeError && err.conflict) return loadKeySecret(namespace, name);
    throw err;
  }
  return keyFromJwk(jwk);
}
