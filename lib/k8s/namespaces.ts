import { APIS } from "./apis";
import type { KubeClient } from "./client";
import { KubeError } from "./errors";
import type { KubeObject } from "./types";

/** The consumer's namespaces, read with the portal's own identity (their names are not secret). */
export const namespaceList = (portal: KubeClient): Promise<KubeObject[]> =>
  portal.list(APIS.namespaces).then((l) => l.items);

/**
 * The namespaces in which the user may do `verb` on a resource: all of them when the user may do
 * it cluster-wide, else those where the apiserver, asked as the user namespace by namespace, says
 * yes; the user's RBAC decides. The cluster-wide question and the list go out together, so a
 * tenant's answer takes two round trips; `namespaces` lets callers asking several questions list once.
 */
export async function namespacesWhereUserCan(
  portal: KubeClient,
  user: KubeClient,
  attrs: { verb: string; group: string; resource: string },
  namespaces: Promise<KubeObject[]> = namespaceList(portal),
): Promise<string[]> {
  const [everywhere, all] = await Promise.all([user.can(attrs), namespaces]);
  if (everywhere) return all.map((n) => n.metadata.name).sort();
  const names = all.filter((n) => !n.metadata.deletionTimestamp).map((n) => n.metadata.name);
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
