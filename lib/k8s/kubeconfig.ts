// Where a cluster is and who we are there, read from a kubeconfig (the current or a named context)
// or from a pod's ServiceAccount files. Parsed with `yaml` and zod rather than client-node: the
// portal, the sandbox and the tests need only server, CA, client certificate and bearer token.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

export interface ClusterEndpoint {
  server: string;
  caPem?: string;
  certPem?: string;
  keyPem?: string;
  token?: string;
  /** re-read periodically: projected ServiceAccount tokens rotate */
  tokenFile?: string;
  insecureSkipTlsVerify?: boolean;
}

const Cluster = z.looseObject({
  server: z.url(),
  "certificate-authority": z.string().optional(),
  "certificate-authority-data": z.string().optional(),
  "insecure-skip-tls-verify": z.boolean().optional(),
});
const User = z.looseObject({
  token: z.string().optional(),
  tokenFile: z.string().optional(),
  "client-certificate": z.string().optional(),
  "client-certificate-data": z.string().optional(),
  "client-key": z.string().optional(),
  "client-key-data": z.string().optional(),
});
const Context = z.looseObject({ cluster: z.string(), user: z.string().optional() });

const Kubeconfig = z.object({
  clusters: z.array(z.object({ name: z.string(), cluster: Cluster })).default([]),
  users: z.array(z.object({ name: z.string(), user: User })).default([]),
  contexts: z.array(z.object({ name: z.string(), context: Context })).default([]),
  "current-context": z.string().optional(),
});

function named<T extends { name: string }>(list: T[], name: string | undefined, what: string): T {
  const found = list.find((e) => e.name === name);
  if (!found) throw new Error(`invalid kubeconfig: no ${what} named "${name ?? ""}"`);
  return found;
}

/**
 * The endpoint of one context (default: the current one). Relative file references resolve
 * against `baseDir`, as kubectl resolves them against the kubeconfig's folder. Exec plugins and
 * auth providers are refused by name rather than ignored, so a request never goes out anonymous.
 */
export function parseKubeconfig(text: string, opts: { context?: string; baseDir?: string } = {}): ClusterEndpoint {
  const parsed = Kubeconfig.safeParse(parse(text));
  if (!parsed.success) throw new Error(`invalid kubeconfig: ${z.prettifyError(parsed.error)}`);
  const kc = parsed.data;
  const { context } = named(kc.contexts, opts.context ?? kc["current-context"], "context");
  const { cluster } = named(kc.clusters, context.cluster, "cluster");
  const user: z.infer<typeof User> = context.user ? named(kc.users, context.user, "user").user : {};
  if ("exec" in user || "auth-provider" in user)
    throw new Error(`kubeconfig user "${context.user}": exec plugins and auth providers are not supported`);
  const file = (path: string) => readFileSync(resolve(opts.baseDir ?? ".", path), "utf8");
  const pem = (data: string | undefined, path: string | undefined) =>
    data ? Buffer.from(data, "base64").toString("utf8") : path ? file(path) : undefined;
  return {
    server: cluster.server.replace(/\/+$/, ""),
    caPem: pem(cluster["certificate-authority-data"], cluster["certificate-authority"]),
    insecureSkipTlsVerify: cluster["insecure-skip-tls-verify"],
    certPem: pem(user["client-certificate-data"], user["client-certificate"]),
    keyPem: pem(user["client-key-data"], user["client-key"]),
    token: user.token,
    tokenFile: user.tokenFile && resolve(opts.baseDir ?? ".", user.tokenFile),
  };
}

export async function readKubeconfig(path: string, context?: string): Promise<ClusterEndpoint> {
  return parseKubeconfig(await readFile(path, "utf8"), { context, baseDir: dirname(path) });
}

const SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

/** The pod's own ServiceAccount, as every in-cluster client finds it. */
export function inClusterEndpoint(): ClusterEndpoint {
  const host = process.env.KUBERNETES_SERVICE_HOST;
  const port = process.env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) throw new Error("not running in a cluster: KUBERNETES_SERVICE_HOST/PORT are not set");
  return {
    server: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
    caPem: readFileSync(`${SERVICE_ACCOUNT}/ca.crt`, "utf8"),
    tokenFile: `${SERVICE_ACCOUNT}/token`,
  };
}
