// The shape of one revoked session in the provider cluster: a small ConfigMap in the portal's
// namespace. Pure, so its naming and expiry rules are tested without a cluster.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ConfigMap, Meta } from "../k8s/models";
import type { KubeObject } from "../k8s/types";

export const REVOCATION_LABEL = "portal.kube-bind.io/revoked-session";
/** The admission policy lets the portal write only ConfigMaps with this prefix. */
export const REVOCATION_PREFIX = "revoked-session-";

/**
 * Named by a hash of the session id: any sid fits a ConfigMap name, and the object does not
 * hand out the id itself (anyone who may read ConfigMaps there learns nothing to replay).
 */
export function revocationName(sid: string): string {
  return REVOCATION_PREFIX + createHash("sha256").update(sid).digest("hex").slice(0, 40);
}

export function revocationObject(sid: string, namespace: string, expiresAt: Date) {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: revocationName(sid), namespace, labels: { [REVOCATION_LABEL]: "true" } },
    data: { expiresAt: expiresAt.toISOString() },
  };
}

const Revocation = ConfigMap.extend({
  metadata: Meta.extend({ name: z.string().startsWith(REVOCATION_PREFIX), labels: z.record(z.string(), z.string()) }),
  data: z.object({ expiresAt: z.iso.datetime() }),
});

/** The name and expiry (epoch ms) of a revocation object, or null for any other ConfigMap. */
export function readRevocation(obj: KubeObject): { name: string; expiresAt: number } | null {
  const parsed = Revocation.safeParse(obj);
  if (!parsed.success || parsed.data.metadata.labels[REVOCATION_LABEL] !== "true") return null;
  return { name: parsed.data.metadata.name, expiresAt: Date.parse(parsed.data.data.expiresAt) };
}
