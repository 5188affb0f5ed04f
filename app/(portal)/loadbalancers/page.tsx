import type { Metadata } from "next";
import { BindFirst, NewLoadBalancerButton } from "@/components/dashboard/api-gate";
import { LiveLoadBalancerList } from "@/components/dashboard/live-loadbalancer-list";
import { PageHeader } from "@/components/ui/page-header";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { firstListView } from "@/lib/live/dashboard";
import { listRequestFromUrl } from "@/lib/live-wire/subs-query";
import type { PortalError } from "@/lib/result";

export const metadata: Metadata = { title: "LoadBalancers" };
export const dynamic = "force-dynamic";

export default async function LoadBalancersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/loadbalancers");
  // The page the URL asks for (sort, stage, search, cursor); a broken field falls back to its default.
  const request = listRequestFromUrl(await searchParams);
  // Server-rendered first page from a one-shot subscription; the page's live stream takes over.
  const first = await firstListView(k8sIdentity(user), request);
  const bound = first.ok || first.error.reason !== "NotBound";
  const view = first.ok ? first.data?.view : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="LoadBalancers"
        description="Every LoadBalancer in the namespaces you can use, live. Hover or focus a status for what it waits for or what to fix."
        actions={bound && (view === undefined || view.namespaces.length > 0) ? <NewLoadBalancerButton /> : null}
      />
      {!bound ? (
        <BindFirst title="The LoadBalancer API is not bound to your cluster">
          Bind it from the catalog first; then you can create LoadBalancers here.
        </BindFirst>
      ) : !first.ok && first.error.status === 403 ? (
        <PortalErrorPanel error={first.error} action="Listing LoadBalancers" />
      ) : (
        // An unreachable cluster is not final: the live stream keeps trying and recovers.
        <LiveLoadBalancerList
          initialRequest={request}
          initial={view}
          resume={first.ok ? first.data?.resume : undefined}
          initialProblem={first.ok ? undefined : liveError(first.error)}
        />
      )}
    </div>
  );
}

const liveError = ({ status, reason, message }: PortalError) => ({ status, reason, message });
