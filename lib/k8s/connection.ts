import { readFile } from "node:fs/promises";
import { Agent } from "undici";
import { type ClusterEndpoint, inClusterEndpoint, parseKubeconfig, readKubeconfig } from "./kubeconfig";
import { type KubeLogger, SILENT } from "./logger";
import type { ClusterName } from "./types";

export interface ClusterAccess {
  name: ClusterName;
  /** path of a kubeconfig file; ignored when inCluster is set */
  kubeconfig?: string;
  context?: string;
  /** use the pod's ServiceAccount (only meaningful for the provider cluster) */
  inCluster?: boolean;
  log?: KubeLogger;
}

// Projected ServiceAccount tokens rotate: re-read a token file this often.
const TOKEN_FILE_TTL_MS = 30_000;

/**
 * How to reach one cluster with one credential. Requests go through undici (lib/k8s/request.ts),
 * which lets the portal send one Impersonate-Group header per group.
 */
export class ClusterConnection {
  readonly server: string;
  /** the cluster's CA bundle (PEM), for kubeconfigs the portal hands out */
  readonly caPem?: string;
  readonly dispatcher: Agent;
  private token?: { value: string; at: number };

  constructor(
    readonly name: ClusterName,
    private readonly endpoint: ClusterEndpoint,
    readonly log: KubeLogger = SILENT,
  ) {
    this.server = endpoint.server;
    this.caPem = endpoint.caPem;
    this.dispatcher = new Agent({
      connect: {
        ca: endpoint.caPem,
        cert: endpoint.certPem,
        key: endpoint.keyPem,
        rejectUnauthorized: !endpoint.insecureSkipTlsVerify,
      },
      keepAliveTimeout: 30_000,
      // Watches hold connections open; leave room for plain requests beside them.
      connections: 256,
    });
  }

  static async open(access: ClusterAccess): Promise<ClusterConnection> {
    if (access.inCluster) return new ClusterConnection(access.name, inClusterEndpoint(), access.log);
    if (!access.kubeconfig) throw new Error(`no kubeconfig configured for the ${access.name} cluster`);
    return new ClusterConnection(access.name, await readKubeconfig(access.kubeconfig, access.context), access.log);
  }

  /** From a kubeconfig's text (e.g. one the kube-bind backend answered with). */
  static fromKubeconfig(name: ClusterName, text: string, log?: KubeLogger): ClusterConnection {
    return new ClusterConnection(name, parseKubeconfig(text), log);
  }

  /** The Authorization header when the credential is a bearer token. */
  async authHeaders(): Promise<Record<string, string>> {
    const { token, tokenFile } = this.endpoint;
    if (token) return { authorization: `Bearer ${token}` };
    if (!tokenFile) return {};
    if (!this.token || Date.now() - this.token.at > TOKEN_FILE_TTL_MS)
      this.token = { value: (await readFile(tokenFile, "utf8")).trim(), at: Date.now() };
    return { authorization: `Bearer ${this.token.value}` };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
