// Every sentence the provider console's components show (the model's own are in lib/provider).
import { TONE } from "@/components/ui/tones";
import type { CheckState, ConsumerState, HeartbeatState, KonnectorDeployment } from "@/lib/provider/types";

export const CHECK_STATE: Record<CheckState, { label: string; icon: string; cls: string }> = {
  ok: { label: "Passes", ...TONE.good },
  waiting: { label: "Waiting", ...TONE.busy },
  failed: { label: "Fails", ...TONE.bad },
};

export const CONSUMER_STATE: Record<ConsumerState, { label: string; cls: string }> = {
  healthy: { label: "Healthy", cls: TONE.good.cls },
  starting: { label: "Starting", cls: TONE.busy.cls },
  late: { label: "Late", cls: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100" },
  lost: { label: "Lost", cls: TONE.bad.cls },
  down: { label: "Konnector down", cls: TONE.bad.cls },
  revoking: { label: "Revoking", cls: "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100" },
};

export const HEARTBEAT: Record<HeartbeatState, string> = {
  healthy: "healthy",
  starting: "awaited",
  late: "late",
  lost: "lost",
};

export const KONNECTOR: Record<KonnectorDeployment["state"], string> = {
  running: "running",
  starting: "starting",
  degraded: "degraded",
  stopped: "stopped",
  missing: "not installed",
};

export const text = {
  title: "Provider console",
  intro:
    "The provider as the platform team sees it: the guide's setup checked live, every bound consumer with its konnector's heartbeat, and every export.",
  loading: "Reading the provider…",
  checklist: "Setup checklist",
  checksPassing: (ok: number, total: number) => `${ok} of ${total} steps pass.`,
  verified: "What was checked",
  toolSaid: "In the tool's own words",
  fix: "Fix",
  copy: "Copy",
  copied: "Copied",
  consumers: "Consumers",
  noConsumers: "No consumer has bound an export yet.",
  exports: "Exports",
  noExports: "There is no export template yet (see the checklist).",
  never: "never reported",
  noneYet: "None yet.",
  ago: "ago",
  notVisible: "not visible from the portal",
  instances: (total: number, notReady: number, kind: string) =>
    `${total} ${kind}${total === 1 ? "" : "s"}${notReady ? `, ${notReady} not Ready` : ""}`,
  noInstances: "none",
  consumersOf: (n: number) => (n === 1 ? "1 consumer" : `${n} consumers`),
  served: "served by the backend",
  notServed: "not served: see the checklist",
  back: "Back to the provider console",
  notFoundConsumer: (ns: string) => `There is no binding in ${ns} (any more)`,
  notFoundConsumerBody: "It may have been revoked. The console lists every binding there is.",
  revoke: "Revoke…",
  revokeTitle: (consumer: string) => `Revoke the binding of ${consumer}`,
  revokeIntro:
    "Revoking deletes, as you and with your rights on the provider, everything below: the consumer's konnector can no longer reach the provider, and its LoadBalancers stop being served. The consumer cluster itself is not touched.",
  revokeLoading: "Listing what would be deleted…",
  revokeSubmit: "Revoke binding",
  revoking: "Revoking…",
  cancel: "Cancel",
  nothingDeleted: "Nothing was deleted",
  objects: (n: number) => (n === 1 ? "1 object" : `${n} objects`),
};
