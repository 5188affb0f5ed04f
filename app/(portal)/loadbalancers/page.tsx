import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { parseBucketFilter } from "@/components/dashboard/filter-rows";
import { LiveLoadBalancerList } from "@/components/dashboard/live-loadbalancer-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { k8sIdentity, requireUser, type SignedInUser } from "@/lib/auth/session";
import { firstDashboardView } from "@/lib/live/dashboard";
import { listUserLoadBalancers } from "@/lib/loadbalancer/list";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "LoadBalancers" };
export const dynamic = "force-dynamic";

export default async function LoadBalancersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/loadbalancers");
  const { stage } = await searchParams;
  const result = await attempt(() => listUserLoadBalancers(k8sIdentity(user)));
  const initial = result.ok && result.data.bound ? await initialView(user) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="LoadBalancers"
        description="Every LoadBalancer in the namespaces you can use, live. Hover or focus a status for what it waits for or what to fix."
        actions={
          result.ok && result.data.bound && result.data.namespaces.length > 0 ? (
            <ButtonLink href="/loadbalancers/new" variant="primary">
              <Plus aria-hidden="true" className="size-4" />
              New LoadBalancer
            </ButtonLink>
          ) : null
        }
      />
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action="Listing LoadBalancers" />
      ) : !result.data.bound ? (
        <EmptyState
          title="The LoadBalancer API is not bound to your cluster"
          actions={
            <ButtonLink href="/catalog" variant="primary">
              Open the catalog
            </ButtonLink>
          }
        >
          <p>Bind it from the catalog first; then you can create LoadBalancers here.</p>
        </EmptyState>
      ) : (
        // First paint from the server, then the page's one live stream.
        <LiveLoadBalancerList
          initial={initial?.view}
          resume={initial?.resume}
          initialBucket={parseBucketFilter(stage)}
        />
      )}
    </div>
  );
}

async function initialView(user: SignedInUser) {
  const first = await firstDashboardView(k8sIdentity(user));
  return first.ok ? first.data : undefined;
}
