export type ClusterName = "provider" | "consumer";

/** A signed-in user as Kubernetes sees them: the name and groups the portal impersonates. */
export type Identity = { user: string; groups: string[] };

/** The identity of a signed-in user: the username claim (OIDC_USERNAME_CLAIM) and the groups. */
export function identityOf(signedIn: { username: string; groups: string[] }): Identity {
  return { user: signedIn.username, groups: signedIn.groups };
}

/** Who a request is made as: a signed-in user (impersonated) or the portal's own identity. */
export type Actor = ({ kind: "user" } & Identity) | { kind: "portal" };

export const PORTAL: Actor = { kind: "portal" };

export function asUser(user: string, groups: string[]): Actor {
  return { kind: "user", user, groups };
}

export function actorName(actor: Actor): string {
  return actor.kind === "portal" ? "portal" : actor.user;
}

/** The whole identity as RBAC sees it (user and groups): equal keys, equal rights. */
export const actorKey = (a: Actor) => (a.kind === "portal" ? "portal" : `user:${a.user}:${[...a.groups].sort()}`);

/** Where a resource lives in the API: core group "" means /api/v1. */
export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string }[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

export function resourcePath(ref: ResourceRef): string {
  const base = ref.group === "" ? `/api/${ref.version}` : `/apis/${ref.group}/${ref.version}`;
  if (ref.resource === "") return base; // API discovery for the group version
  const ns = ref.namespace ? `/namespaces/${encodeURIComponent(ref.namespace)}` : "";
  const name = ref.name ? `/${encodeURIComponent(ref.name)}` : "";
  const sub = ref.name && ref.subresource ? `/${ref.subresource}` : "";
  return `${base}${ns}/${ref.resource}${name}${sub}`;
}
