// Who may receive the kubeconfig of a binding. kube-bind's backend hands the kubeconfig of an
// identity's namespace to anyone who names that identity, so the portal decides first: only the
// binding's author (the user who bound first; the backend records it on the namespace it
// creates) or a member of the admin group. Pure.
import type { KubeObject } from "../k8s/types";
import { AUTHOR_ANNOTATION, IDENTITY_ANNOTATION } from "./naming";

export interface BindCaller {
  username: string;
  groups: string[];
}

/** The provider namespaces kube-bind's backend keyed by `identity` (normally none or one). */
export function namespacesOfIdentity(namespaces: KubeObject[], identity: string): KubeObject[] {
  return namespaces.filter((ns) => ns.metadata.annotations?.[IDENTITY_ANNOTATION] === identity);
}

/**
 * Whether the caller may bind through this binding namespace: they authored it, or they are in
 * the admin group. A namespace without an author (not made by the backend for a user) is the
 * admins' alone.
 */
export function mayUseBinding(namespace: KubeObject, caller: BindCaller, adminGroup: string): boolean {
  if (caller.groups.includes(adminGroup)) return true;
  const author = namespace.metadata.annotations?.[AUTHOR_ANNOTATION];
  return author !== undefined && author === caller.username;
}

/**
 * Before asking the backend: may the caller bind `identity`? Yes when no namespace holds it yet
 * (the backend will create one with the caller as author) or when the caller may use every
 * namespace that claims it.
 */
export function mayBindIdentity(
  namespaces: KubeObject[],
  identity: string,
  caller: BindCaller,
  adminGroup: string,
): boolean {
  return namespacesOfIdentity(namespaces, identity).every((ns) => mayUseBinding(ns, caller, adminGroup));
}

/** The binding namespaces the caller authored (one per consumer identity they bound first). */
export function bindingsOwnedBy(namespaces: KubeObject[], username: string): KubeObject[] {
  return namespaces.filter(
    (ns) =>
      ns.metadata.annotations?.[IDENTITY_ANNOTATION] !== undefined &&
      ns.metadata.annotations?.[AUTHOR_ANNOTATION] === username &&
      !ns.metadata.deletionTimestamp,
  );
}

/**
 * Before asking the backend: would binding `identity` give the caller one binding more than
 * `max`? Binding an identity that already has a namespace creates nothing new, so it is always
 * within the limit; members of the admin group bind for the platform and have none. Returns the
 * number the caller owns when refused, else null.
 */
export function overBindingLimit(
  namespaces: KubeObject[],
  identity: string,
  caller: BindCaller,
  adminGroup: string,
  max: number,
): number | null {
  if (caller.groups.includes(adminGroup)) return null;
  if (namespacesOfIdentity(namespaces, identity).length > 0) return null;
  const owned = bindingsOwnedBy(namespaces, caller.username).length;
  return owned >= max ? owned : null;
}

/**
 * After the backend answered: the namespace it named must be keyed by the identity asked for and
 * usable by the caller. This closes the race of two first binds of one identity, where the
 * backend gives the loser the winner's namespace.
 */
export function mayReceiveBinding(
  namespace: KubeObject,
  identity: string,
  caller: BindCaller,
  adminGroup: string,
): boolean {
  return (
    namespace.metadata.annotations?.[IDENTITY_ANNOTATION] === identity && mayUseBinding(namespace, caller, adminGroup)
  );
}
