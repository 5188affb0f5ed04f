import "server-only";
import { listExportTemplates } from "./templates";

/** Whether any of the provider's export templates offers this group, version and resource. */
export async function isExported(ref: { group: string; version: string; resource: string }): Promise<boolean> {
  const templates = await listExportTemplates();
  return templates.some((t) =>
    t.spec.resources.some(
      (r) =>
        r.group === ref.group &&
        r.resource === ref.resource &&
        (r.versions === undefined || r.versions.length === 0 || r.versions.includes(ref.version)),
    ),
  );
}
