import type { Metadata } from "next";
import { LiveDashboard } from "@/components/dashboard/live-dashboard";
import { submitButton } from "@/components/form/input-styles";
import { AppLink as Link } from "@/components/ui/app-link";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState } from "@/components/ui/state-panels";
import { k8sIdentity, requireUser, type SignedInUser } from "@/lib/auth/session";
import { firstDashboardView } from "@/lib/live/dashboard";
import { listUserLoadBalancers } from "@/lib/loadbalancer/list";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "LoadBalancers" };
export const dynamic = "force-dynamic";

export default async function LoadBalancersPage() {
  const user = await requireUser("/loadbalancers");
  const result = await attempt(() => listUserLoadBalancers(k8sIdentity(user)));
  const initial = result.ok && result.data.bound ? await initialView(user) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">LoadBalancers</h1>
        {result.ok && result.data.bound && result.data.namespaces.length > 0 ? (
          <Link href="/loadbalancers/new" className={submitButton}>
            New LoadBalancer
          </Link>
        ) : null}
      </div>
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action="Listing LoadBalancers" />
      ) : !result.data.bound ? (
        <EmptyState title="The LoadBalancer API is not bound to your cluster">
          <p>
            Bind it from the{" "}
            <Link href="/catalog" className="text-sky-700 underline dark:text-sky-400">
              catalog
            </Link>{" "}
            first; then you can create LoadBalancers here.
          </p>
        </EmptyState>
      ) : (
        // The same live table as the dashboard (first paint from the server, then the SSE stream).
        <LiveDashboard initial={initial?.view} resume={initial?.resume} provider={false} />
      )}
    </div>
  );
}

async function initialView(user: SignedInUser) {
  const first = await firstDashboardView(k8sIdentity(user));
  return first.ok ? first.data : undefined;
}
