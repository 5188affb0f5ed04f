/**
 * Status model for one LoadBalancer — pure and isomorphic (no server-only, no Node imports), so
 * the server computes it for SSE and the browser may recompute it (e.g. to refresh ages).
 *
 *   loadBalancerStatus(input: StatusInput): LoadBalancerStatus
 *     → { stages: Stage[7], current: StageId, summary, ready, deleting, address? }
 *   dashboardRow(input: StatusInput): DashboardRow
 *     → { namespace, name, domain?, state, ready, address?, createdAt?, current, summary }
 *   konnectorHealth({ konnector?, clusterBinding?, now, providerSeenAt? }): KonnectorHealth
 *     → { state: healthy | starting | late | lost | down | unknown, replicas?, heartbeat?, since?, message }
 *
 * Input: the consumer LoadBalancer (+ its settings ConfigMap when readable) and whatever the
 * provider holds for it (the konnector's copies, kro's ReferenceGrant/Gateway/HTTPRoute, Envoy
 * Gateway's proxy Service, the RGD, the ClusterBinding), the konnector's Deployment on the
 * consumer (read with the portal's own identity), plus `now`. lib/live assembles it.
 *
 * Stages, in order (each done | in-progress | blocked | failed | pending, with `since` and one
 * sentence; blocked/failed carry a `reason` from a closed vocabulary, see StageReason):
 *   requested  the object exists on the consumer
 *   synced     the konnector copied it to the provider namespace (<cluster ns>-<consumer ns>);
 *              blocked while the konnector is down (its Deployment has no ready replica, or is
 *              missing) or lost (no heartbeat for twice its interval, 5 minutes by default)
 *   settings   the settings ConfigMap (with the custom-header key) reached the provider
 *   resources  kro made the ReferenceGrant, Gateway and HTTPRoute (kro state/conditions, RGD)
 *   routing    Gateway accepted (and programmed), HTTPRoute accepted with references resolved
 *   address    the Envoy proxy Service exists and the Gateway has an address
 *   ready      the status came back to the consumer: Ready=True, state ACTIVE
 * Lists and counts use buckets (buckets.ts): the current stage, or Failed when it is blocked or failed.
 * "For a while" means GRACE_MS (30 s) measured from the relevant creation or transition time.
 */
export {
  BUCKET_IDS,
  BUCKET_LABELS,
  BUCKET_ORDER,
  type Bucket,
  type BucketCounts,
  bucketOf,
  countBuckets,
  recentRows,
} from "./buckets";
export { GRACE_MS, SETTINGS_KEY } from "./context";
export { DEFAULT_HEARTBEAT_MS, konnectorHealth } from "./konnector";
export { STAGE_LABELS } from "./messages";
export { dashboardRow, loadBalancerStatus } from "./model";
export { formatAge, formatAgo } from "./time";
export type {
  DashboardRow,
  KonnectorHealth,
  KonnectorState,
  LoadBalancerStatus,
  RawObject,
  Stage,
  StageId,
  StageReason,
  StageState,
  StatusInput,
} from "./types";
export { STAGE_IDS } from "./types";
