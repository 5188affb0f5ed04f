// API discovery: which namespaced resources a cluster serves (as the client's actor), e.g. to
// list everything in a namespace before deleting it, and where a manifest's object lives. Each
// document is read once per server action (request-cache.ts).
import type { KubeClient } from "./client";
import { KubeError } from "./errors";
import { readOnce } from "./request-cache";
import type { ResourceRef } from "./types";

export interface ServedResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
}

/** The resources a group version serves (null: not served); `fresh` asks the cluster again. */
export function servedResources(client: KubeClient, group: string, version: string, fresh = false) {
  const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return readOnce(client, path, () => client.served(group, version), fresh);
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
  const groups = await readOnce(client, "/apis", () => client.getPath<GroupList>("/apis"));
  const versions = [
    { group: "", version: "v1" },
    ...groups.groups
      .filter((g) => g.name !== "events.k8s.io")
      .map((g) => ({ group: g.name, version: g.preferredVersion.version })),
  ];
  const served = await Promise.all(
    versions.map(async ({ group, version }) => {
      const resources = await servedResources(client, group, version).catch((e: unknown) => {
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

/** What a manifest names: enough to find its resource by discovery. */
export interface TypedObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
}

type Served = Map<string, { name: string; namespaced: boolean }>;
const servedByConnection = new WeakMap<object, Map<string, Served>>();

/**
 * Where an object lives in the API (its collection when it has no name), found by discovery of
 * its group version. The answer is cached per connection; a kind not found is asked once more,
 * since a CRD applied a moment ago may not be served yet.
 */
export async function refFor(client: KubeClient, obj: TypedObject): Promise<ResourceRef> {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const cache = servedByConnection.get(client.conn) ?? new Map<string, Served>();
  servedByConnection.set(client.conn, cache);
  for (const refresh of [false, true]) {
    if (refresh || !cache.has(obj.apiVersion)) {
      const resources = (await servedResources(client, group, version, refresh)) ?? [];
      cache.set(obj.apiVersion, new Map(resources.filter((r) => !r.name.includes("/")).map((r) => [r.kind, r])));
    }
    const found = cache.get(obj.apiVersion)?.get(obj.kind);
    if (found)
      return {
        group,
        version,
        resource: found.name,
        namespace: found.namespaced ? (obj.metadata?.namespace ?? "default") : undefined,
        name: obj.metadata?.name,
      };
  }
  throw new Error(`the ${client.cluster} cluster does not serve ${obj.kind} in ${obj.apiVersion} (yet)`);
}
