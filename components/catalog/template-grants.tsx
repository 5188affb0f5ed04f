import { describeClaim, describeResource } from "@/lib/catalog/describe";
import type { ExportTemplate } from "@/lib/catalog/templates";

/** What binding an export grants, in plain words. */
export function TemplateGrants({ template, kinds }: { template: ExportTemplate; kinds: Record<string, string> }) {
  return (
    <div className="text-sm">
      <h3 className="font-medium">You get</h3>
      <ul className="mt-1 list-disc pl-5">
        {template.spec.resources.map((r) => (
          <li key={`${r.group}/${r.resource}`}>{describeResource(r, template.spec.scope, kinds)}</li>
        ))}
      </ul>
      <h3 className="mt-3 font-medium">The provider may</h3>
      <ul className="mt-1 list-disc pl-5">
        {template.spec.permissionClaims.length === 0 ? <li>read nothing else from your cluster</li> : null}
        {template.spec.permissionClaims.map((c) => (
          <li key={`${c.group}/${c.resource}`}>{describeClaim(c, kinds)}</li>
        ))}
      </ul>
    </div>
  );
}
