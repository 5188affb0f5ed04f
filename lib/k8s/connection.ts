import { KubeConfig } from "@kubernetes/client-node";
import { Agent } from "undici";
import type { ClusterName } from "./types";

export interface ClusterAccess {
  name: ClusterName;
  /** path of a kubeconfig file; ignored when inCluster is set */
  kubeconfig?: string;
  context?: string;
  /** use the pod's ServiceAccount (only meaningful for the provider cluster) */
  inCluster?: boolean;
}

// Credentials from exec plugins and projected ServiceAccount tokens rotate: re-read them often.
const CREDENTIAL_TTL_MS = 30_000;

/**
 * How to reach one cluster as the portal's own identity. client-node parses kubeconfigs
 * (contexts, exec plugins, in-cluster files); requests go through undici directly because the
 * generated clients cannot send one Impersonate-Group header per group.
 */
export class ClusterConnection {
  readonly server: string;
  /** the cluster's CA bundle (PEM), for kubeconfigs the portal hands out */
  readonly caPem?: string;
  private readonly dispatcher: Agent;
  private credentials?: { headers: Record<string, string>; at: number };

  constructor(
    readonly name: ClusterName,
    private readonly kc: KubeConfig,
    tls: { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized?: boolean },
  ) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error(`the ${name} kubeconfig has no current cluster`);
    this.server = cluster.server.replace(/\/+$/, "");
    this.caPem = tls.ca?.toString("utf8");
    this.dispatcher = new Agent({
      connect: { ...tls, rejectUnauthorized: tls.rejectUnauthorized ?? true },
      keepAliveTimeout: 30_000,
      // Watches hold connections open; leave room for plain requests beside them.
      connections: 256,
    });
  }

  static async open(access: ClusterAccess): Promise<ClusterConnection> {
    const kc = new KubeConfig();
    if (access.inCluster) kc.loadFromCluster();
    else {
      if (!access.kubeconfig) throw new Error(`no kubeconfig configured for the ${access.name} cluster`);
      kc.loadFromFile(access.kubeconfig);
      if (access.context) kc.setCurrentContext(access.context);
    }
    const opts: { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized?: boolean } = {};
    await kc.applyToHTTPSOptions(opts as never);
    return new ClusterConnection(access.name, kc, {
      ca: opts.ca,
      cert: opts.cert,
      key: opts.key,
      rejectUnauthorized: opts.rejectUnauthorized,
    });
  }

  getDispatcher(): Agent {
    return this.dispatcher;
  }

  /** The Authorization header (if the kubeconfig uses a token), refreshed periodically. */
  async authHeaders(): Promise<Record<string, string>> {
    if (this.credentials && Date.now() - this.credentials.at < CREDENTIAL_TTL_MS) return this.credentials.headers;
    const opts: { headers?: Record<string, string> } = {};
    await this.kc.applyToHTTPSOptions(opts as never);
    const headers: Record<string, string> = {};
    const auth = opts.headers?.Authorization;
    if (auth) headers.authorization = auth;
    this.credentials = { headers, at: Date.now() };
    return headers;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
