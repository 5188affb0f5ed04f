import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/state-panels";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { listUserLoadBalancers } from "@/lib/loadbalancer/list";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requireUser("/");
  const result = await attempt(() => listUserLoadBalancers(k8sIdentity(user)));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Signed in as <strong data-testid="signed-in-as">{user.name}</strong>
        {user.groups.length ? <> (groups: {user.groups.join(", ")})</> : null}.
      </p>
      {!result.ok ? (
        <PortalErrorPanel error={result.error} action="Loading your LoadBalancers" />
      ) : !result.data.bound ? (
        <EmptyState title="No API bound yet">
          <p>
            Your cluster does not serve the LoadBalancer API yet. Bind it from the{" "}
            <Link href="/catalog" className="text-sky-700 underline dark:text-sky-400">
              catalog
            </Link>
            .
          </p>
        </EmptyState>
      ) : result.data.rows.length === 0 ? (
        <EmptyState title="No LoadBalancers yet">
          <p>You have no LoadBalancers in the namespaces you can use ({result.data.namespaces.join(", ") || "none"}).</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="summary">
          <h2 id="summary" className="text-lg font-semibold">
            Your LoadBalancers
          </h2>
          <p>
            {result.data.rows.length} LoadBalancer(s), {result.data.rows.filter((r) => r.ready === "True").length}{" "}
            ready.{" "}
            <Link href="/loadbalancers" className="text-sky-700 underline dark:text-sky-400">
              See all
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
