import type { Metadata } from "next";
import Link from "next/link";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState } from "@/components/ui/state-panels";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { listUserLoadBalancers } from "@/lib/loadbalancer/list";
import { attempt } from "@/lib/result";

export const metadata: Metadata = { title: "LoadBalancers" };
export const dynamic = "force-dynamic";

export default async function LoadBalancersPage() {
  const user = await requireUser("/loadbalancers");
  const result = await attempt(() => listUserLoadBalancers(k8sIdentity(user)));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">LoadBalancers</h1>
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
      ) : result.data.rows.length === 0 ? (
        <EmptyState title="No LoadBalancers yet">
          <p>Namespaces you can use: {result.data.namespaces.join(", ") || "none"}.</p>
        </EmptyState>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your LoadBalancers</caption>
          <thead className="border-b border-slate-200 dark:border-slate-700">
            <tr>
              <th scope="col" className="py-2">
                Namespace
              </th>
              <th scope="col">Name</th>
              <th scope="col">Domain</th>
              <th scope="col">State</th>
              <th scope="col">Ready</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {result.data.rows.map((r) => (
              <tr key={`${r.namespace}/${r.name}`} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-2">{r.namespace}</td>
                <td>{r.name}</td>
                <td>{r.domain ?? "—"}</td>
                <td>{r.state}</td>
                <td>{r.ready}</td>
                <td>{r.address ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
