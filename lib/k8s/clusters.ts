import "server-only";
import { env } from "../env";
import { log } from "../log";
import { KubeClient } from "./client";
import { type ClusterAccess, ClusterConnection } from "./connection";
import { type Actor, asUser, type ClusterName, PORTAL } from "./types";

const connections = new Map<ClusterName, Promise<ClusterConnection>>();

export function clusterAccess(name: ClusterName): ClusterAccess {
  const e = env();
  return name === "provider"
    ? { name, kubeconfig: e.PROVIDER_KUBECONFIG, context: e.PROVIDER_CONTEXT, inCluster: e.PROVIDER_IN_CLUSTER }
    : { name, kubeconfig: e.CONSUMER_KUBECONFIG, context: e.CONSUMER_CONTEXT };
}

export function connection(name: ClusterName): Promise<ClusterConnection> {
  let conn = connections.get(name);
  if (!conn) {
    conn = ClusterConnection.open({ ...clusterAccess(name), log });
    connections.set(name, conn);
    conn.catch(() => connections.delete(name));
  }
  return conn;
}

/** A client that acts as the signed-in user: every request is impersonated, so RBAC decides. */
export async function userClient(name: ClusterName, identity: { user: string; groups: string[] }) {
  return new KubeClient(await connection(name), asUser(identity.user, identity.groups));
}

/**
 * A client with the portal's OWN identity, only for what the security model allows: the bind handshake
 * on the provider, and reading provider-side objects that belong to something the user can read.
 */
export async function portalIdentityClient(name: ClusterName) {
  return new KubeClient(await connection(name), PORTAL);
}

export type { Actor };
