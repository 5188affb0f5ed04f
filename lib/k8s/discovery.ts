// API discovery: which namespaced resources a cluster serves (as the client's actor), e.g. to
// list everything in a namespace before deleting it.
import type { KubeClient } from "./client";
import { KubeError } from "./errors";
import { kubeRequest } from "./request";

export interface ServedResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
}

interface GroupList {
  groups: { name: string; preferredVersion: { version: string } }[];
}

/**
 * Every namespaced resource that can be listed, at its group's preferred version; subresources
 * left out, and events.k8s.io too (the same Events as core v1). A group version that fails to
 * answer (an aggregated API that is down) is skipped.
 */
export async function namespacedResources(client: KubeClient): Promise<ServedResource[]> {
  const groups = await kubeRequest<GroupList>(client.conn, client.actor, {
    verb: "get",
    ref: { group: "", version: "", resource: "" },
    path: "/apis",
  });
  const versions = [
    { group: "", version: "v1" },
    ...groups.groups
      .filter((g) => g.name !== "events.k8s.io")
      .map((g) => ({ group: g.name, version: g.preferredVersion.version })),
  ];
  const served = await Promise.all(
    versions.map(async ({ group, version }) => {
      const resources = await client.served(group, version).catch((e: unknown) => {
        if (e instanceof KubeError && (e.status >= 500 || e.status === 0)) return null;
        throw e;
      });
      return (resources ?? [])
        .filter(
          (r) => r.namespaced && !r.name.includes("/") && (r as { verbs?: string[] }).verbs?.includes("list") !== false,
        )
        .map((r) => ({ group, version, resource: r.name, kind: r.kind }));
    }),
  );
  return served.flat();
}
