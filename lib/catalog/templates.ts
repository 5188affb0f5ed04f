import "server-only";
import { APIS } from "../k8s/apis";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import { ExportTemplate } from "../k8s/models";

export type { ExportTemplate } from "../k8s/models";

/**
 * The provider's catalog: APIServiceExportTemplates, read with the portal's own identity (the
 * catalog is what every signed-in user may choose from).
 */
export async function listExportTemplates(): Promise<ExportTemplate[]> {
  const portal = await portalIdentityClient("provider");
  const list = await portal.list(APIS.templates);
  return list.items.map((t) => ExportTemplate.parse(t)).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** Collections group templates; a provider without the Collection CRD simply has none. */
export async function listCollections() {
  const portal = await portalIdentityClient("provider");
  try {
    return await portal.list(APIS.collections);
  } catch (e) {
    if (e instanceof KubeError && e.notFound)
      return { apiVersion: "kube-bind.io/v1alpha2", kind: "CollectionList", metadata: {}, items: [] };
    throw e;
  }
}
