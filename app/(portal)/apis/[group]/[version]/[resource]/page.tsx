import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ResourceCreateForm } from "@/components/form/resource-create-form";
import { NotBoundPanel } from "@/components/loadbalancer/not-bound-panel";
import { AppLink as Link } from "@/components/ui/app-link";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState } from "@/components/ui/state-panels";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { isExported } from "@/lib/catalog/exported";
import { APIS } from "@/lib/k8s/apis";
import { attempt } from "@/lib/result";
import { resourceForm, ServedRefParams } from "@/lib/writes/create-resource";
import { createResourceAction, previewResourceAction } from "./actions";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ group: string; version: string; resource: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { resource, group } = await params;
  return { title: `New ${resource}.${group}` };
}

/** The generated form of any bound export: /apis/<group>/<version>/<resource>. */
export default async function ResourceFormPage({ params }: Params) {
  const raw = await params;
  const user = await requireUser(`/apis/${raw.group}/${raw.version}/${raw.resource}`);
  const parsed = ServedRefParams.safeParse(raw);
  if (!parsed.success) notFound();
  const ref = parsed.data;
  const api = `${ref.resource}.${ref.group}`;
  const result = await attempt(() => resourceForm(k8sIdentity(user), ref));
  // Neither served by the user's cluster nor exported by the provider: this address names nothing.
  if (result.ok && result.data.state !== "ready" && !(await isExported(ref))) notFound();
  const isLoadBalancer = ref.group === APIS.loadBalancers.group && ref.resource === APIS.loadBalancers.resource;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">
          New {result.ok && result.data.state === "ready" ? result.data.model.kind : api}
        </h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          {api} ({ref.version}), generated from the schema your cluster (the consumer cluster) serves; created there as
          you.
        </p>
      </div>
      {isLoadBalancer ? (
        <p className="text-sm">
          <Link href="/loadbalancers/new" className="text-sky-700 underline dark:text-sky-400">
            The guided LoadBalancer form
          </Link>{" "}
          also creates the ConfigMap of settings and offers your Services.
        </p>
      ) : null}
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action={`Loading the ${api} form`} />
      ) : result.data.state !== "ready" ? (
        <NotBoundPanel settingUp={result.data.state === "no-schema"} api={api} />
      ) : result.data.model.namespaced && result.data.namespaces.length === 0 ? (
        <EmptyState title={`There is no namespace where you may create ${api}`}>
          <p>Ask the owners of a namespace in your cluster for the edit role there.</p>
        </EmptyState>
      ) : (
        <ResourceCreateForm
          model={result.data.model}
          namespaces={result.data.namespaces}
          preview={previewResourceAction.bind(null, ref)}
          create={createResourceAction.bind(null, ref)}
        />
      )}
    </div>
  );
}
