// Every sentence the live status and dashboard components show, in one place.
import type { KonnectorState, StageState } from "@/lib/status";

export const STATE_TEXT: Record<StageState, string> = {
  done: "Done",
  "in-progress": "In progress",
  blocked: "Blocked",
  failed: "Failed",
  pending: "Pending",
};

/** The konnector's health in one word (lib/status/konnector.ts says what each means). */
export const KONNECTOR_TEXT: Record<KonnectorState, string> = {
  healthy: "Running",
  starting: "Starting",
  late: "Report overdue",
  lost: "Not reporting",
  down: "Down",
  unknown: "Unknown",
};

export const CONNECTION_TEXT = {
  idle: "Live updates off",
  connecting: "Connecting to live updates…",
  open: "Live: this page updates by itself",
  reconnecting: "Live updates interrupted; reconnecting…",
  closed: "Live updates stopped; retrying shortly (reload if this persists)",
} as const;

export const say = {
  clusterName: (cluster: "consumer" | "provider") => (cluster === "consumer" ? "your cluster" : "the provider cluster"),
  outage: (where: string, since: string) =>
    `Lost contact with ${where} since ${since}. Showing the last known state; this page catches up by itself when it answers again.`,
  connecting: (where: string) => `Connecting to ${where}…`,
  notFound: (ns: string, name: string) =>
    `There is no LoadBalancer ${name} in namespace ${ns} on your cluster (any more). This page shows it as soon as it exists.`,
  revoked: "You may no longer see this, so live updates for it stopped.",
  loading: "Loading the live status…",
  noConditions: "No conditions reported yet.",
  noEvents: "No events about these objects yet.",
  noProviderObjects: "Nothing exists on the provider for it yet.",
  noRows: (namespaces: string[]) =>
    `You have no LoadBalancers in the namespaces you can use (${namespaces.join(", ") || "none"}).`,
  noMatch: "No LoadBalancer matches the filter.",
  trafficNoAddress: "The gateway has no address yet; test traffic becomes possible once the address stage is done.",
  konnectorLabel: "Konnector",
  konnectorReplicas: (r: { ready: number; desired: number } | null | undefined) =>
    r === null ? "not installed" : r === undefined ? undefined : `${r.ready}/${r.desired} ready`,
  konnectorHeartbeat: "last report to the provider",
  konnectorNoHeartbeat: "no report to the provider yet",
  konnectorInterval: (every: string) => `(every ${every})`,
};

/** Problems of a whole live sub (not allowed, not bound, unreachable), in words. */
export function problemText(error: { status: number; reason: string; message: string }): {
  title: string;
  body: string;
} {
  if (error.reason === "NotBound")
    return { title: "The LoadBalancer API is not bound to your cluster", body: error.message };
  if (error.status === 403)
    return { title: "Not allowed", body: `${error.message} Ask the namespace's owners for access.` };
  if (error.status === 0 || error.status >= 500)
    return {
      title: "Cannot reach the cluster",
      body: `${error.message}. The portal keeps trying; this page recovers by itself when the cluster answers.`,
    };
  return { title: "Live status unavailable", body: `${error.reason}: ${error.message}` };
}
