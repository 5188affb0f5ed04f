import { APIS } from "./apis";
import type { KubeClient } from "./client";
import { KubeError } from "./errors";

/**
 * The namespaces in which the user may do `verb` on a resource. The portal reads namespace names
 * with its own identity (they are not secret), then asks the apiserver as the user, namespace by
 * namespace, and keeps only the allowed ones; the user's RBAC decides.
 */
export async function namespacesWhereUserCan(
  portal: KubeClient,
  user: KubeClient,
  attrs: { verb: string; group: string; resource: string },
): Promise<string[]> {
  if (await user.can(attrs)) {
    const all = await portal.list(APIS.namespaces);
    return all.items.map((n) => n.metadata.name).sort();
  }
  const all = await portal.list(APIS.namespaces);
  const names = all.items.filter((n) => !n.metadata.deletionTimestamp).map((n) => n.metadata.name);
  const allowed = await Promise.all(
    names.map((namespace) =>
      user.can({ ...attrs, namespace }).catch((e) => {
        if (e instanceof KubeError && e.forbidden) return false;
        throw e;
      }),
    ),
  );
  return names.filter((_, i) => allowed[i]).sort();
}
