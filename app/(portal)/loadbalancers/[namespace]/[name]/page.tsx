import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteLoadBalancer } from "@/components/loadbalancer/delete-loadbalancer";
import { EditLoadBalancerForm } from "@/components/loadbalancer/edit-loadbalancer-form";
import { LoadBalancerSummary } from "@/components/loadbalancer/loadbalancer-summary";
import { NotBoundPanel } from "@/components/loadbalancer/not-bound-panel";
import { ProviderObjects } from "@/components/loadbalancer/provider-objects";
import { LiveLoadBalancerStatus } from "@/components/status/live-loadbalancer-status";
import { AppLink as Link } from "@/components/ui/app-link";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { ErrorPanel } from "@/components/ui/state-panels";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { loadBalancerDetail, RouteParams } from "@/lib/loadbalancer/detail";
import { CUSTOM_HEADER_KEY } from "@/lib/loadbalancer/form";
import { providerCounterparts } from "@/lib/loadbalancer/provider-side";
import { attempt } from "@/lib/result";
import { testTrafficAction } from "./traffic-action";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ namespace: string; name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: `LoadBalancer ${name}` };
}

export default async function LoadBalancerPage({ params }: Params) {
  const { namespace, name } = await params;
  const user = await requireUser(`/loadbalancers/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`);
  // Not a namespace and LoadBalancer name by Kubernetes' rules: there is nothing to show.
  if (!RouteParams.safeParse({ namespace, name }).success) notFound();
  const result = await attempt(() => loadBalancerDetail(k8sIdentity(user), { namespace, name }));
  const back = (
    <Link href="/loadbalancers" className="text-sky-700 underline dark:text-sky-400">
      Back to your LoadBalancers
    </Link>
  );
  if (!result.ok) return <PortalErrorPanel error={result.error} action="Loading the LoadBalancer" />;
  const d = result.data;
  if (d.state === "not-bound") return <NotBoundPanel settingUp={d.settingUp} />;
  if (d.state === "forbidden") {
    return (
      <ErrorPanel title="Not allowed">
        <p>{d.message} Ask the namespace's owners for access.</p>
        <p className="mt-2">{back}</p>
      </ErrorPanel>
    );
  }
  // A missing LoadBalancer on a fresh load is a 404; one deleted while the page is open is said
  // by its live status instead.
  if (d.state === "not-found") notFound();
  const { lb, configMap, can, model } = d;
  // Read with the portal's provider identity only now: the user has just read this LoadBalancer.
  const provider = can.delete
    ? await providerCounterparts({ namespace, name, spec: lb.spec, configMapRef: lb.spec.configMapRef })
    : undefined;
  const header = configMap?.state === "found" ? configMap.data[CUSTOM_HEADER_KEY] : undefined;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <p className="text-sm">{back}</p>
        <h1 className="mt-2 text-2xl font-semibold">LoadBalancer {name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          In namespace {namespace} of your cluster (the consumer cluster)
          {lb.metadata.deletionTimestamp ? " — being deleted" : ""}.
        </p>
      </div>
      {/* STATUS SLOT — live status (components/status/, added by the status work) renders here. */}
      <section aria-labelledby="status-heading" data-slot="loadbalancer-status">
        <h2 id="status-heading" className="text-lg font-semibold">
          Status
        </h2>
        <LiveLoadBalancerStatus namespace={namespace} name={name} testTraffic={testTrafficAction} />
      </section>
      <LoadBalancerSummary model={model} lb={lb} configMap={configMap} />
      {can.update && !lb.metadata.deletionTimestamp ? (
        <section aria-labelledby="edit-heading" className="flex flex-col gap-3">
          <h2 id="edit-heading" className="text-lg font-semibold">
            Change
          </h2>
          <EditLoadBalancerForm
            model={model}
            namespace={namespace}
            name={name}
            current={{ domain: lb.spec.domain, targetPort: lb.spec.targetPort, header }}
            configMap={{
              name: configMap?.name,
              problem: !configMap
                ? "This LoadBalancer references no ConfigMap."
                : configMap.state === "found"
                  ? undefined
                  : `The ConfigMap ${configMap.name} cannot be read, so the header cannot be changed here.`,
            }}
          />
        </section>
      ) : null}
      {can.delete && provider && !lb.metadata.deletionTimestamp ? (
        <section aria-labelledby="delete-heading" className="flex flex-col gap-3">
          <h2 id="delete-heading" className="text-lg font-semibold">
            Delete
          </h2>
          <DeleteLoadBalancer
            namespace={namespace}
            name={name}
            configMapName={configMap?.state === "found" ? configMap.name : undefined}
            providerObjects={<ProviderObjects side={provider} />}
          />
        </section>
      ) : null}
    </div>
  );
}
