"use server";

import { toActionFailure } from "@/lib/actions/failure";
import { identityAction } from "@/lib/actions/user-action";
import { env } from "@/lib/env";
import type { Identity } from "@/lib/k8s/types";
import { previewRevoke, revokeConsumer } from "@/lib/provider/revoke";

// As the signed-in admin only (lib/actions); lib/provider validates the input with zod, checks
// console access again, and the provider's RBAC decides.

const admin = (identity: Identity) => ({ identity, adminGroup: env().PORTAL_ADMIN_GROUP });
const CONSOLE = { returnTo: "/provider" };

/** Every provider object revoking the binding in `namespace` would delete (listed and dry-run). */
export const previewRevokeAction = identityAction(async (identity, raw) => {
  const r = await previewRevoke(admin(identity), raw);
  return r.ok ? { ok: true as const, plan: r.data } : toActionFailure(r.error);
}, CONSOLE);

/** Deletes the binding's namespaces as the admin, once the namespace was typed again. */
export const revokeConsumerAction = identityAction((identity, raw) => revokeConsumer(admin(identity), raw), CONSOLE);
