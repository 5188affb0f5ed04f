import "server-only";
import { dns1123Subdomain } from "../forms/kubernetes-rules";
import { APIS } from "../k8s/apis";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import { ExportTemplate } from "../k8s/models";

/** One APIServiceExportTemplate by name, or null (also for a name no object can have). */
export async function getExportTemplate(name: string): Promise<ExportTemplate | null> {
  // ".", ".." or "a/b" would address another URL of the API (the list, say), not a template.
  if (dns1123Subdomain(name) !== null) return null;
  const portal = await portalIdentityClient("provider");
  try {
    const raw = await portal.get({
      ...APIS.templates,
      name,
    });
    return ExportTemplate.parse(raw);
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return null;
    throw e;
  }
}
