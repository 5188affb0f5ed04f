/**
 * Status model for one LoadBalancer — pure and isomorphic (no server-only, no Node imports), so
 * the server computes it for SSE and the browser may recompute it (e.g. to refresh ages).
 *
 *   loadBalancerStatus(input: StatusInput): LoadBalancerStatus
 *     → { stages: Stage[7], current: StageId, summary, ready, deleting, address? }
 *   dashboardRow(input: StatusInput): DashboardRow
 *     → { namespace, name, domain?, state, ready, address?, createdAt?, current, summary }
 *
 * Input: the consumer LoadBalancer (+ its settings ConfigMap when readable) and whatever the
 * provider holds for it (the konnector's copies, kro's ReferenceGrant/Gateway/HTTPRoute, Envoy
 * Gateway's proxy Service, the RGD, the ClusterBinding), plus `now`. lib/live assembles it.
 *
 * Stages, in order (each done | in-progress | blocked | failed | pending, with `since` and one
 * sentence; blocked/failed carry a `reason` from a closed vocabulary, see StageReason):
 *   requested  the object exists on the consumer
 *   synced     the konnector copied it to the provider namespace (<cluster ns>-<consumer ns>)
 *   settings   the settings ConfigMap (with the custom-header key) reached the provider
 *   resources  kro made the ReferenceGrant, Gateway and HTTPRoute (kro state/conditions, RGD)
 *   routing    Gateway accepted (and programmed), HTTPRoute accepted with references resolved
 *   address    the Envoy proxy Service exists and the Gateway has an address
 *   ready      the status came back to the consumer: Ready=True, state ACTIVE
 * "For a while" means GRACE_MS (30 s) measured from the relevant creation or transition time.
 */
export { GRACE_MS, SETTINGS_KEY } from "./context";
export { STAGE_LABELS } from "./messages";
export { dashboardRow, loadBalancerStatus } from "./model";
export { formatAge } from "./time";
export type {
  DashboardRow,
  LoadBalancerStatus,
  RawObject,
  Stage,
  StageId,
  StageReason,
  StageState,
  StatusInput,
} from "./types";
export { STAGE_IDS } from "./types";
