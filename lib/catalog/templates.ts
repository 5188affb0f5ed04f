import "server-only";
import { z } from "zod";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";

export const ExportTemplateSchema = z.object({
  metadata: z.object({ name: z.string(), creationTimestamp: z.string().optional() }).loose(),
  spec: z
    .object({
      scope: z.string().optional(),
      resources: z
        .array(z.object({ group: z.string(), resource: z.string(), versions: z.array(z.string()).optional() }))
        .default([]),
      permissionClaims: z
        .array(
          z
            .object({
              group: z.string().default(""),
              resource: z.string(),
              selector: z.unknown().optional(),
            })
            .loose(),
        )
        .default([]),
    })
    .loose(),
});
export type ExportTemplate = z.infer<typeof ExportTemplateSchema>;

/**
 * The provider's catalog: APIServiceExportTemplates, read with the portal's own identity (the
 * catalog is what every signed-in user may choose from).
 */
export async function listExportTemplates(): Promise<ExportTemplate[]> {
  const portal = await portalIdentityClient("provider");
  const list = await portal.list({ group: "kube-bind.io", version: "v1alpha2", resource: "apiserviceexporttemplates" });
  return list.items
    .map((t) => ExportTemplateSchema.parse(t))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** Collections group templates; a provider without the Collection CRD simply has none. */
export async function listCollections() {
  const portal = await portalIdentityClient("provider");
  try {
    return await portal.list({ group: "kube-bind.io", version: "v1alpha2", resource: "collections" });
  } catch (e) {
    if (e instanceof KubeError && e.notFound)
      return { apiVersion: "kube-bind.io/v1alpha2", kind: "CollectionList", metadata: {}, items: [] };
    throw e;
  }
}
