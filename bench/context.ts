// What every bench phase gets from the run (bench/run.ts), so the phases' options do not repeat it.
import type { KubeClient } from "../lib/k8s/client";
import type { Portal } from "./portal";

export interface PhaseContext {
  portal: Portal;
  /** the provider cluster as admin: writes there produce the events the phases time */
  provider: KubeClient;
  /** a fresh session of alice's (the IdP's tokens are short-lived) */
  cookie: string;
  /** unique per run, in every marker value, so no event of an earlier run is mistaken for one */
  runId: string;
  log: (line: string) => void;
}

/** A phase about alice's one LoadBalancer: its konnector copy and its page's SSE URL. */
export interface PageContext extends PhaseContext {
  copy: { namespace: string; name: string };
  sseUrl: string;
}
