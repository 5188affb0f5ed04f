import "server-only";
import { APIS } from "../k8s/apis";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { ExportTemplate } from "./templates";

/** Kind names of the exported resources ("loadbalancers" → "LoadBalancer"), from the provider's CRDs. */
export async function exportedKinds(templates: ExportTemplate[]): Promise<Record<string, string>> {
  const portal = await portalIdentityClient("provider");
  const kinds: Record<string, string> = {};
  const resources = templates.flatMap((t) => t.spec.resources);
  await Promise.all(
    resources.map(async (r) => {
      try {
        const crd = await portal.get<{ spec: { names: { kind: string } } } & import("../k8s/types").KubeObject>({
          ...APIS.crds,
          name: `${r.resource}.${r.group}`,
        });
        kinds[r.resource] = crd.spec.names.kind;
      } catch (e) {
        if (!(e instanceof KubeError && e.notFound)) throw e;
      }
    }),
  );
  return kinds;
}
