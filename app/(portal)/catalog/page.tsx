import type { Metadata } from "next";
import Link from "next/link";
import { TemplateGrants } from "@/components/catalog/template-grants";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState } from "@/components/ui/state-panels";
import { requireUser } from "@/lib/auth/session";
import { exportedKinds } from "@/lib/catalog/kinds";
import { listExportTemplates } from "@/lib/catalog/templates";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "Catalog" };
export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  await requireUser("/catalog");
  const result = await attempt(async () => {
    const templates = await listExportTemplates();
    return { templates, kinds: await exportedKinds(templates) };
  });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Catalog</h1>
      <p className="text-slate-700 dark:text-slate-300">
        APIs this provider exports. Bind one to use it in your cluster.
      </p>
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action="Loading the catalog" />
      ) : result.data.templates.length === 0 ? (
        <EmptyState title="Nothing exported yet">
          <p>The platform team has not exported any API. Ask them to create an APIServiceExportTemplate.</p>
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {result.data.templates.map((t) => (
            <li key={t.metadata.name} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h2 className="text-lg font-semibold">{t.metadata.name}</h2>
              <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
                {t.spec.resources.map((r) => `${r.resource}.${r.group} (${(r.versions ?? []).join(", ")})`).join(", ")}
              </p>
              <TemplateGrants template={t} kinds={result.data.kinds} />
              <Link
                href={`/catalog/${encodeURIComponent(t.metadata.name)}`}
                className="mt-3 inline-block text-sm font-medium text-sky-700 underline dark:text-sky-400"
              >
                Bind {t.metadata.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
