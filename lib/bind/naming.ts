import { createHash } from "node:crypto";

/**
 * The provider namespace of one binding identity, as kube-bind's backend names it:
 * <prefix><lower base36 of the first 8 bytes of SHA-224(identity)>. The backend finds a binding's
 * namespace again by its identity annotation, and so does the portal; the name is only a hint.
 */
export function providerNamespaceName(prefix: string, identityKey: string): string {
  const digest = createHash("sha224").update(identityKey).digest();
  return prefix + BigInt(`0x${digest.subarray(0, 8).toString("hex")}`).toString(36);
}

/** Identities of bindings keyed by a user (v0.6 CLIs name no cluster) start with this. */
export const USER_IDENTITY_PREFIX = "user:";

/**
 * What a binding is keyed by, as the backend's identity annotation holds it: the consumer
 * cluster's identity exactly as `kubectl bind` sends it (the UID of its kube-system namespace),
 * or, when a v0.6 CLI names no cluster, `user:<username>`. A cluster identity can never start
 * with `user:` (ConsumerIdentity in protocol.ts refuses it), so the two kinds never collide.
 */
export function bindingIdentityKey(username: string, consumerIdentity?: string): string {
  if (!consumerIdentity) return `${USER_IDENTITY_PREFIX}${username}`;
  if (isUserIdentity(consumerIdentity))
    throw new Error(`a cluster identity may not start with ${USER_IDENTITY_PREFIX}`);
  return consumerIdentity;
}

/** Whether a binding identity is keyed by a user rather than by a consumer cluster. */
export function isUserIdentity(identity: string): boolean {
  return identity.startsWith(USER_IDENTITY_PREFIX);
}

/** On each binding namespace kube-bind's backend makes: the identity it is keyed by. */
export const IDENTITY_ANNOTATION = "backend.kube-bind.io/identity";
/** On each binding namespace kube-bind's backend makes: who bound first, i.e. its owner. */
export const AUTHOR_ANNOTATION = "backend.kube-bind.io/author";
/** On each provider namespace kube-bind's backend makes: "<binding namespace>/<consumer namespace>" */
export const SERVICE_NAMESPACE_ANNOTATION = "kube-bind.io/api-service-namespace";
