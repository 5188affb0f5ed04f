import type { Metadata } from "next";
import { LoadBalancerCreateForm } from "@/components/loadbalancer/loadbalancer-create-form";
import { NotBoundPanel } from "@/components/loadbalancer/not-bound-panel";
import { AppLink as Link } from "@/components/ui/app-link";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState } from "@/components/ui/state-panels";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { userClient } from "@/lib/k8s/clusters";
import { loadBalancerApi } from "@/lib/loadbalancer/api";
import { loadFormOptions } from "@/lib/loadbalancer/options";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "New LoadBalancer" };
export const dynamic = "force-dynamic";

export default async function NewLoadBalancerPage() {
  const user = await requireUser("/loadbalancers/new");
  const identity = k8sIdentity(user);
  const result = await attempt(async () => {
    const api = await loadBalancerApi(await userClient("consumer", identity));
    return api.bound ? { ...api, options: await loadFormOptions(identity) } : api;
  });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">New LoadBalancer</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Created in your cluster (the consumer cluster) as you. The provider then builds the load balancer for it.
        </p>
      </div>
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action="Loading the LoadBalancer form" />
      ) : !result.data.bound ? (
        <NotBoundPanel settingUp={result.data.settingUp} />
      ) : result.data.options.namespaces.length === 0 ? (
        <EmptyState title="There is no namespace where you may create LoadBalancers">
          <p>Ask the owners of a namespace in your cluster for the edit role there.</p>
        </EmptyState>
      ) : (
        <>
          <LoadBalancerCreateForm model={result.data.model} options={result.data.options} />
          <p className="text-sm">
            <Link
              href="/apis/networking.kro.run/v1alpha1/loadbalancers"
              className="text-sky-700 underline dark:text-sky-400"
            >
              The plain form generated from the schema
            </Link>{" "}
            creates a LoadBalancer without the ConfigMap helpers.
          </p>
        </>
      )}
    </div>
  );
}
