import type { Metadata } from "next";
import { CliBindFlow } from "@/components/bind/cli-bind-flow";
import { BindFirst, NewLoadBalancerButton } from "@/components/dashboard/api-gate";
import type { BindingLine } from "@/components/dashboard/binding-card";
import { LiveDashboard } from "@/components/dashboard/live-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { ErrorPanel } from "@/components/ui/state-panels";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { checkLoopbackRedirect } from "@/lib/bind/redirect";
import { exportedKinds } from "@/lib/catalog/kinds";
import { readBindStates } from "@/lib/catalog/read-bind-state";
import { listExportTemplates } from "@/lib/catalog/templates";
import { firstDashboardView } from "@/lib/live/dashboard";
import { attempt, type PortalError, settled } from "@/lib/result";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

export default async function HomePage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  if (params.session_id !== undefined || params.redirect_url !== undefined) return <CliBindPage params={params} />;
  return <Dashboard />;
}

/** Opened by `kubectl bind` with ?session_id&redirect_url (validated in proxy.ts, again here). */
async function CliBindPage({ params }: { params: Params }) {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const query = new URLSearchParams(
    Object.entries({
      session_id: one("session_id"),
      redirect_url: one("redirect_url"),
      consumer_id: one("consumer_id"),
    }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const user = await requireUser(`/?${query}`);
  const check = checkLoopbackRedirect(one("redirect_url"));
  if (!check.ok) {
    return (
      <ErrorPanel title="This bind link is not valid">
        <p>{check.reason}. Run kubectl bind again and open the link it prints.</p>
      </ErrorPanel>
    );
  }
  const result = await attempt(async () => {
    const templates = await listExportTemplates();
    return { templates, kinds: await exportedKinds(templates) };
  });
  if (!result.ok) return <PortalErrorPanel error={result.error} action="Loading the catalog" />;
  return (
    <CliBindFlow
      templates={result.data.templates}
      kinds={result.data.kinds}
      sessionId={one("session_id") ?? ""}
      redirectUrl={one("redirect_url") ?? ""}
      consumerId={one("consumer_id")}
      userName={user.name}
    />
  );
}

async function Dashboard() {
  const user = await requireUser("/");
  const identity = k8sIdentity(user);
  // Server-rendered first paint from a one-shot subscription; the page's live stream takes over.
  const [first, bindings] = await Promise.all([firstDashboardView(identity), readBindings(identity)]);
  const bound = first.ok || first.error.reason !== "NotBound";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Dashboard"
        description={
          <>
            Signed in as <strong data-testid="signed-in-as">{user.name}</strong>
            {user.groups.length ? <> (groups: {user.groups.join(", ")})</> : null}.
          </>
        }
        actions={bound ? <NewLoadBalancerButton /> : null}
      />
      {!bound ? (
        <BindFirst title="No API bound yet">
          Your cluster does not serve the LoadBalancer API yet. Bind it from the catalog.
        </BindFirst>
      ) : !first.ok && first.error.status === 403 ? (
        <PortalErrorPanel error={first.error} action="Loading your LoadBalancers" />
      ) : (
        // An unreachable cluster is not final: the live stream keeps trying and recovers.
        <LiveDashboard
          initial={first.ok ? first.data?.view : undefined}
          resume={first.ok ? first.data?.resume : undefined}
          initialProblem={first.ok ? undefined : liveError(first.error)}
          bindings={bindings}
        />
      )}
    </div>
  );
}

/** The exports and whether each is bound to the user's cluster; none when that cannot be read. */
async function readBindings(identity: { user: string; groups: string[] }): Promise<BindingLine[] | undefined> {
  const result = await attempt(async () => {
    const exports = settled(listExportTemplates());
    const [templates, states] = await Promise.all([exports, readBindStates(identity, exports)]);
    return templates.map((t) => ({ name: t.metadata.name, state: states[t.metadata.name].state }));
  });
  return result.ok ? result.data : undefined;
}

const liveError = ({ status, reason, message }: PortalError) => ({ status, reason, message });
