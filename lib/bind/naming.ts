import { createHash } from "node:crypto";

/**
 * The provider namespace of one binding identity, deterministic as in kube-bind v0.7+:
 * <prefix><lower base36 of the first 8 bytes of SHA-224(identity)>.
 */
export function providerNamespaceName(prefix: string, identityKey: string): string {
  const digest = createHash("sha224").update(identityKey).digest();
  return prefix + BigInt(`0x${digest.subarray(0, 8).toString("hex")}`).toString(36);
}

/**
 * What a binding is keyed by: the consumer cluster when the CLI names it (v0.7+), otherwise the
 * user (v0.6: one namespace per user). Prefixed so the two kinds can never collide.
 */
export function bindingIdentityKey(username: string, consumerIdentity?: string): string {
  return consumerIdentity ? `cluster:${consumerIdentity}` : `user:${username}`;
}

export const IDENTITY_ANNOTATION = "backend.kube-bind.io/identity";
/** On each provider namespace kube-bind's backend makes: "<binding namespace>/<consumer namespace>" */
export const SERVICE_NAMESPACE_ANNOTATION = "kube-bind.io/api-service-namespace";
export const OWNER_ANNOTATION = "kube-bind-portal.io/owner";
