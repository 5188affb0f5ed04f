import { ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import { BindStatus } from "@/components/catalog/bind-status";
import { TemplateGrants } from "@/components/catalog/template-grants";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { exportedKinds } from "@/lib/catalog/kinds";
import { readBindStates } from "@/lib/catalog/read-bind-state";
import { listExportTemplates } from "@/lib/catalog/templates";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "Catalog" };
export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const user = await requireUser("/catalog");
  const result = await attempt(async () => {
    const templates = await listExportTemplates();
    const [kinds, states] = await Promise.all([exportedKinds(templates), readBindStates(k8sIdentity(user), templates)]);
    return { templates, kinds, states };
  });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Catalog"
        description="APIs this provider exports. Each one says whether your cluster has it bound; bind one to use it there."
      />
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action="Loading the catalog" />
      ) : result.data.templates.length === 0 ? (
        <EmptyState title="Nothing exported yet">
          <p>The platform team has not exported any API. Ask them to create an APIServiceExportTemplate.</p>
        </EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {result.data.templates.map((t) => {
            const binding = result.data.states[t.metadata.name];
            const offerBind = binding?.state.state === "not-bound";
            return (
              <Card
                as="li"
                key={t.metadata.name}
                title={t.metadata.name}
                description={t.spec.resources
                  .map((r) => `${r.resource}.${r.group} (${(r.versions ?? []).join(", ")})`)
                  .join(", ")}
                data-export={t.metadata.name}
              >
                <div className="flex flex-col gap-4">
                  {binding ? <BindStatus binding={binding} /> : null}
                  <TemplateGrants template={t} kinds={result.data.kinds} />
                  <div>
                    <ButtonLink
                      href={`/catalog/${encodeURIComponent(t.metadata.name)}`}
                      variant={offerBind ? "primary" : "secondary"}
                    >
                      {offerBind ? `Bind ${t.metadata.name}` : `Details of ${t.metadata.name}`}
                      <ArrowRight aria-hidden="true" className="size-4" />
                    </ButtonLink>
                  </div>
                </div>
              </Card>
            );
          })}
        </ul>
      )}
    </div>
  );
}
