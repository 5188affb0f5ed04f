import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrowserBindForm } from "@/components/catalog/browser-bind-form";
import { TemplateGrants } from "@/components/catalog/template-grants";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState } from "@/components/ui/state-panels";
import { requireUser } from "@/lib/auth/session";
import { getExportTemplate } from "@/lib/catalog/get-template";
import { exportedKinds } from "@/lib/catalog/kinds";
import { attempt } from "@/lib/result";
import { dns1123Subdomain } from "@/lib/schema/kubernetes-rules";

export const metadata: Metadata = { title: "Bind" };
export const dynamic = "force-dynamic";

export default async function BindTemplatePage({ params }: { params: Promise<{ template: string }> }) {
  const { template: name } = await params;
  await requireUser(`/catalog/${encodeURIComponent(name)}`);
  // No Kubernetes object has such a name: nothing to look up.
  if (dns1123Subdomain(name) !== null) notFound();
  const result = await attempt(async () => {
    const template = await getExportTemplate(name);
    return template ? { template, kinds: await exportedKinds([template]) } : null;
  });
  if (!result.ok) return <PortalErrorPanel error={result.error} action="Loading the export" />;
  if (!result.data) {
    return (
      <EmptyState title="No such export">
        <p>
          <Link href="/catalog" className="text-sky-700 underline dark:text-sky-400">
            Back to the catalog
          </Link>
        </p>
      </EmptyState>
    );
  }
  const { template, kinds } = result.data;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Bind {template.metadata.name}</h1>
      <TemplateGrants template={template} kinds={kinds} />
      <BrowserBindForm template={template.metadata.name} />
    </div>
  );
}
