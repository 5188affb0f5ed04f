// Create-or-update of RBAC objects the way the backend's controllers do it: create when missing,
// update rules/subjects when they drifted, recreate a binding whose (immutable) roleRef differs.
import { isConflict, type KubeClient, type Obj, type OwnerReference, resourcePath } from "./client";
import { sameJson } from "./conditions";
import { R, SERVICE_ACCOUNT } from "./naming";

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}
export interface RoleRef {
  apiGroup: string;
  kind: "Role" | "ClusterRole";
  name: string;
}
type Role = Obj & { rules?: PolicyRule[] };
type Binding = Obj & { roleRef: RoleRef; subjects?: Subject[] };

const RBAC = "rbac.authorization.k8s.io/v1";
export const CRUD = ["get", "list", "watch", "create", "update", "patch", "delete"];

/** The kube-binder ServiceAccount of a cluster namespace, as a subject. */
export const binderSubject = (clusterNamespace: string): Subject => ({
  kind: "ServiceAccount",
  name: SERVICE_ACCOUNT,
  namespace: clusterNamespace,
});

/** The owner reference the backend puts on per-namespace cluster-wide RBAC (garbage-collected with it). */
export const namespaceOwner = (name: string, uid: string): OwnerReference => ({
  apiVersion: "v1",
  kind: "Namespace",
  name,
  uid,
  controller: true,
});

interface Target {
  name: string;
  namespace?: string;
  owner?: OwnerReference;
}

function meta(t: Target) {
  return {
    name: t.name,
    ...(t.namespace ? { namespace: t.namespace } : {}),
    ...(t.owner ? { ownerReferences: [t.owner] } : {}),
  };
}

export async function ensureRole(client: KubeClient, t: Target, rules: PolicyRule[]): Promise<void> {
  const kind = t.namespace ? "Role" : "ClusterRole";
  const r = t.namespace ? R.roles : R.clusterRoles;
  const existing = await client.get<Role>(resourcePath(r, t.namespace, t.name));
  if (!existing) {
    await client.create(resourcePath(r, t.namespace), { apiVersion: RBAC, kind, metadata: meta(t), rules });
  } else if (!sameJson(existing.rules ?? [], rules)) {
    await client.update(resourcePath(r, t.namespace, t.name), { ...existing, rules });
  }
}

export async function ensureBinding(
  client: KubeClient,
  t: Target,
  roleRef: RoleRef,
  subjects: Subject[],
): Promise<void> {
  const kind = t.namespace ? "RoleBinding" : "ClusterRoleBinding";
  const r = t.namespace ? R.roleBindings : R.clusterRoleBindings;
  const path = resourcePath(r, t.namespace, t.name);
  const existing = await client.get<Binding>(path);
  if (existing && !sameJson(existing.roleRef, roleRef)) await client.delete(path);
  if (!existing || !sameJson(existing.roleRef, roleRef)) {
    try {
      await client.create(resourcePath(r, t.namespace), {
        apiVersion: RBAC,
        kind,
        metadata: meta(t),
        roleRef,
        subjects,
      });
    } catch (e) {
      if (!isConflict(e)) throw e; // someone (the portal's handshake) was faster: same content
    }
  } else if (!sameJson(existing.subjects ?? [], subjects)) {
    await client.update(path, { ...existing, subjects });
  }
}

/** Deletes Roles and RoleBindings in `namespace` that start with `prefix` and are not `keep`. */
export async function deleteOrphans(
  client: KubeClient,
  namespace: string,
  prefix: string,
  keep: Set<string>,
): Promise<void> {
  for (const r of [R.roles, R.roleBindings]) {
    const list = await client.list(resourcePath(r, namespace));
    for (const item of list.items) {
      const name = item.metadata.name;
      if (name.startsWith(prefix) && !keep.has(name)) await client.delete(resourcePath(r, namespace, name));
    }
  }
}
