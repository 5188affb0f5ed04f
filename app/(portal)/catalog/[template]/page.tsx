import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BindStatus } from "@/components/catalog/bind-status";
import { BrowserBindForm } from "@/components/catalog/browser-bind-form";
import { InstallList } from "@/components/catalog/install-list";
import { TemplateGrants } from "@/components/catalog/template-grants";
import { ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { consumerClusterName } from "@/lib/catalog/consumer-name";
import { getExportTemplate } from "@/lib/catalog/get-template";
import { exportedKinds } from "@/lib/catalog/kinds";
import { readBindStates } from "@/lib/catalog/read-bind-state";
import { env } from "@/lib/env";
import { dns1123Subdomain } from "@/lib/forms/kubernetes-rules";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "Bind" };
export const dynamic = "force-dynamic";

const BACK = { href: "/catalog", label: "Catalog" };

/** One export: its bind state, what it grants and installs, and the consent form when not bound. */
export default async function BindTemplatePage({ params }: { params: Promise<{ template: string }> }) {
  const { template: name } = await params;
  const user = await requireUser(`/catalog/${encodeURIComponent(name)}`);
  // No Kubernetes object has such a name: nothing to look up.
  if (dns1123Subdomain(name) !== null) notFound();
  const result = await attempt(async () => {
    const template = await getExportTemplate(name);
    if (!template) return null;
    const [kinds, states, cluster] = await Promise.all([
      exportedKinds([template]),
      readBindStates(k8sIdentity(user), [template]),
      consumerClusterName(),
    ]);
    return { template, kinds, binding: states[template.metadata.name], cluster };
  });
  if (!result.ok)
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={`Bind ${name}`} back={BACK} />
        <PortalErrorPanel error={result.error} action="Loading the export" />
      </div>
    );
  if (!result.data) notFound();
  const { template, kinds, binding, cluster } = result.data;
  const state = binding.state;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={`Bind ${template.metadata.name}`}
        back={BACK}
        description={
          <>
            Binding makes your cluster, <strong>{cluster}</strong>, serve this API; the provider does the rest.
          </>
        }
      />
      <Card title="On your cluster">
        <BindStatus binding={binding} />
      </Card>
      <Card title="What binding grants">
        <TemplateGrants template={template} kinds={kinds} />
      </Card>
      {state.state === "not-bound" && state.mayBind ? (
        <Card title="Consent">
          <div className="flex flex-col gap-4">
            <InstallList cluster={cluster} binding={template.metadata.name} />
            <BrowserBindForm template={template.metadata.name} />
          </div>
        </Card>
      ) : state.state === "not-bound" ? (
        <Callout tone="info" title="A cluster administrator binds this API">
          <p>
            Binding changes your whole cluster, and your account may not create bindings there. Ask a cluster
            administrator of {cluster} to run:
          </p>
          <pre className="mt-2 overflow-x-auto rounded bg-surface-sunken p-3 text-xs">
            <code>{`kubectl bind login ${env().PORTAL_URL}\nkubectl bind`}</code>
          </pre>
        </Callout>
      ) : (
        <Callout
          tone="success"
          title="Already bound"
          actions={<ButtonLink href="/loadbalancers">Go to LoadBalancers</ButtonLink>}
        >
          <p>Your cluster serves this API; there is nothing to bind.</p>
        </Callout>
      )}
    </div>
  );
}
