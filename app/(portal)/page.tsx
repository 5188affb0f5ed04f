import type { Metadata } from "next";
import { CliBindFlow } from "@/components/bind/cli-bind-flow";
import { LiveDashboard } from "@/components/dashboard/live-dashboard";
import { AppLink as Link } from "@/components/ui/app-link";
import { PortalErrorPanel } from "@/components/ui/portal-error-panel";
import { EmptyState, ErrorPanel } from "@/components/ui/state-panels";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { checkLoopbackRedirect } from "@/lib/bind/redirect";
import { exportedKinds } from "@/lib/catalog/kinds";
import { listExportTemplates } from "@/lib/catalog/templates";
import { firstDashboardView } from "@/lib/live/dashboard";
import { attempt, type PortalError } from "@/lib/result";

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
  // Server-rendered first paint from a one-shot subscription; the page's live stream takes over.
  const first = await firstDashboardView(k8sIdentity(user));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Signed in as <strong data-testid="signed-in-as">{user.name}</strong>
        {user.groups.length ? <> (groups: {user.groups.join(", ")})</> : null}.
      </p>
      {!first.ok && first.error.reason === "NotBound" ? (
        <EmptyState title="No API bound yet">
          <p>
            Your cluster does not serve the LoadBalancer API yet. Bind it from the{" "}
            <Link href="/catalog" className="text-sky-700 underline dark:text-sky-400">
              catalog
            </Link>
            .
          </p>
        </EmptyState>
      ) : !first.ok && first.error.status === 403 ? (
        <PortalErrorPanel error={first.error} action="Loading your LoadBalancers" />
      ) : (
        // An unreachable cluster is not final: the live stream keeps trying and recovers.
        <LiveDashboard
          initial={first.ok ? first.data?.view : undefined}
          resume={first.ok ? first.data?.resume : undefined}
          initialProblem={first.ok ? undefined : liveError(first.error)}
        />
      )}
    </div>
  );
}

const liveError = ({ status, reason, message }: PortalError) => ({ status, reason, message });
