// Who may open the provider console: members of the admin group whom the provider itself lets
// list and watch every ClusterBinding, asked as the user (impersonated SelfSubjectAccessReviews).
// Server-only; everyone else gets 404 (page and live sub alike) and no link.
import { APIS } from "../k8s/apis";
import "server-only";
import type { KubeClient } from "../k8s/client";
import { userClient } from "../k8s/clusters";
import type { Identity } from "../k8s/types";
import type { PortalError } from "../result";

/** What a console page or sub answers to anyone else: nothing is there. */
export const consoleNotFound: PortalError = {
  cluster: "provider",
  status: 404,
  reason: "NotFound",
  message: "There is nothing at this address.",
};

const TTL_MS = 30_000;
const decided = new Map<string, { allowed: boolean; at: number }>();

/**
 * true: a platform admin (PORTAL_ADMIN_GROUP) whom the provider's RBAC lets list and watch
 * ClusterBindings in every namespace. Decided by the apiserver as the user; remembered briefly so
 * that every page's navigation does not ask again. A cluster that does not answer throws (the
 * caller decides; nothing is remembered).
 */
export async function mayOpenConsole(
  identity: Identity,
  adminGroup: string,
  providerAs: (identity: Identity) => Promise<KubeClient> = (i) => userClient("provider", i),
  fresh = false,
): Promise<boolean> {
  if (!identity.groups.includes(adminGroup)) return false;
  const key = JSON.stringify([identity.user, [...identity.groups].sort()]);
  const hit = decided.get(key);
  if (!fresh && hit && Date.now() - hit.at < TTL_MS) return hit.allowed;
  const provider = await providerAs(identity);
  const attrs = { group: APIS.clusterBindings.group, resource: APIS.clusterBindings.resource };
  const [list, watch] = await Promise.all([
    provider.can({ ...attrs, verb: "list" }),
    provider.can({ ...attrs, verb: "watch" }),
  ]);
  const allowed = list && watch;
  decided.set(key, { allowed, at: Date.now() });
  return allowed;
}

/**
 * Whether to show the console's link: never throws, and answers within `timeoutMs` (a provider
 * that does not answer quickly must not slow down every page an admin opens; no link then).
 */
export async function showConsoleLink(identity: Identity, adminGroup: string, timeoutMs = 2_000): Promise<boolean> {
  if (!identity.groups.includes(adminGroup)) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([mayOpenConsole(identity, adminGroup).catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
