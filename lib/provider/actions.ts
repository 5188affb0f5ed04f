"use server";

import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { previewRevoke, type RevokeOutcome, revokeConsumer } from "@/lib/provider/revoke";
import type { RevokePlan } from "@/lib/provider/types";
import type { Result } from "@/lib/result";

// As the signed-in admin only (identity from the session, never from the input); lib/provider
// validates the input with zod, checks console access again, and the provider's RBAC decides.

/** Every provider object revoking the binding in `namespace` would delete (listed and dry-run). */
export async function previewRevokeAction(input: unknown): Promise<Result<RevokePlan>> {
  const user = await requireUser("/provider");
  return previewRevoke({ identity: k8sIdentity(user), adminGroup: env().PORTAL_ADMIN_GROUP }, input);
}

/** Deletes the binding's namespaces as the admin, once the namespace was typed again. */
export async function revokeConsumerAction(input: unknown): Promise<RevokeOutcome> {
  const user = await requireUser("/provider");
  return revokeConsumer({ identity: k8sIdentity(user), adminGroup: env().PORTAL_ADMIN_GROUP }, input);
}
