// What the live subscriptions need from the outside; hub.ts builds the server's default.
import type { Api } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import type { Identity } from "../k8s/types";
import type { WatchHub } from "../k8s/watch-hub";

export interface LiveContext {
  hub: WatchHub;
  /** a consumer client impersonating the user (SSARs, and the identity lent to consumer streams) */
  consumerAs(identity: Identity): Promise<KubeClient>;
  /** the portal's own consumer client: namespace names and the cluster's identity only */
  consumerPortal(): Promise<KubeClient>;
  /** members see the whole provider side (PORTAL_ADMIN_GROUP) */
  adminGroup: string;
  /** the consumer's LoadBalancer API; defaults to the bound loadbalancers.networking.kro.run */
  api?: Api;
  /** recompute time-based stages this often (default 5 s) */
  tickMs?: number;
  /** re-check the user's rights this often; revoked rights end the subscription (default 60 s) */
  reauthorizeMs?: number;
}
