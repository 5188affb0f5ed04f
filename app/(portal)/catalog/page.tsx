import type { Metadata } from "next";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState } from "@/components/ui/state-panels";
import { requireUser } from "@/lib/auth/session";
import { listExportTemplates } from "@/lib/catalog/templates";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "Catalog" };
export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  await requireUser("/catalog");
  const result = await attempt(listExportTemplates);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Catalog</h1>
      <p className="text-slate-700 dark:text-slate-300">
        APIs this provider exports. Bind one to use it in your cluster.
      </p>
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action="Loading the catalog" />
      ) : result.data.length === 0 ? (
        <EmptyState title="Nothing exported yet">
          <p>The platform team has not exported any API. Ask them to create an APIServiceExportTemplate.</p>
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {result.data.map((t) => (
            <li key={t.metadata.name} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h2 className="text-lg font-semibold">{t.metadata.name}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">Scope: {t.spec.scope ?? "Namespaced"}</p>
              <ul className="mt-2 text-sm">
                {t.spec.resources.map((r) => (
                  <li key={`${r.group}/${r.resource}`}>
                    {r.resource}.{r.group} ({(r.versions ?? []).join(", ")})
                  </li>
                ))}
              </ul>
              {t.spec.permissionClaims.length ? (
                <p className="mt-2 text-sm">
                  Also reads:{" "}
                  {t.spec.permissionClaims.map((c) => c.resource + (c.group ? `.${c.group}` : "")).join(", ")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
