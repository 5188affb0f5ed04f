import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteLoadBalancer } from "@/components/loadbalancer/delete-loadbalancer";
import { EditLoadBalancerForm } from "@/components/loadbalancer/edit-loadbalancer-form";
import { LoadBalancerSummary } from "@/components/loadbalancer/loadbalancer-summary";
import { NotBoundPanel } from "@/components/loadbalancer/not-bound-panel";
import { ProviderObjects } from "@/components/loadbalancer/provider-objects";
import { DetailTabParam } from "@/components/status/detail-tabs";
import { LoadBalancerDetail } from "@/components/status/loadbalancer-detail";
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

type Params = {
  params: Promise<{ namespace: string; name: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: `LoadBalancer ${name}` };
}

export default async function LoadBalancerPage({ params, searchParams }: Params) {
  const { namespace, name } = await params;
  const tab = DetailTabParam.parse((await searchParams).tab);
  // The tab comes back after sign-in too: a shared link to ?tab=objects opens Objects.
  const user = await requireUser(
    `/loadbalancers/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}${tab === "overview" ? "" : `?tab=${tab}`}`,
  );
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
  const deleting = Boolean(lb.metadata.deletionTimestamp);
  return (
    <LoadBalancerDetail
      namespace={namespace}
      name={name}
      initialTab={tab}
      testTraffic={testTrafficAction}
      summary={<LoadBalancerSummary model={model} lb={lb} configMap={configMap} />}
      settings={
        can.update && !deleting ? (
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
        ) : (
          <p className="text-sm">
            {deleting
              ? "It is being deleted, so it cannot be changed any more."
              : "You may read this LoadBalancer but not change it; ask the namespace's owners for access."}
          </p>
        )
      }
      dangerZone={
        can.delete && provider && !deleting ? (
          <DeleteLoadBalancer
            namespace={namespace}
            name={name}
            configMapName={configMap?.state === "found" ? configMap.name : undefined}
            providerObjects={<ProviderObjects side={provider} />}
          />
        ) : undefined
      }
    />
  );
}
