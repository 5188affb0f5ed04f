/**
 * The provider console's model — pure and isomorphic: the platform team's view of the provider,
 * computed from its objects (ProviderSnapshot, filled by lib/live/provider.ts from shared watch
 * streams) and the time.
 *
 *   providerOverview(snapshot) → { checks: Check[5], consumers: ConsumerRow[], exports: ExportRow[] }
 *   consumerDetail(snapshot, bindingNamespace) → { found, consumer?, conditions, requests, instances }
 *   revokePlan(listed objects) → what revoking a binding deletes, grouped by kind
 *
 * Checks follow the guide's provider steps: kube-bind's backend (CRDs at v1alpha2, Cluster
 * "default", no request waiting for it), kro and the LoadBalancer RGD (Active, its CRD served;
 * kro's rejection in plain words), the export templates and the schema source (CRDs labelled
 * kube-bind.io/exported=true), the GatewayClass accepted by Envoy Gateway, and the guide's backend
 * Service and EndpointSlice. Each failed check carries the command or YAML that fixes it.
 */
import { evaluateChecklist } from "./checklist";
import { consumerRows } from "./consumers";
import { exportRows } from "./exports";
import type { ProviderSnapshot } from "./snapshot";
import type { ProviderView } from "./types";

export { consumerDetail } from "./consumers";
export { revokePlan } from "./revoke-plan";
export type { ProviderSnapshot } from "./snapshot";
export type * from "./types";

export function providerOverview(s: ProviderSnapshot): Omit<ProviderView, "health"> {
  return { checks: evaluateChecklist(s), consumers: consumerRows(s), exports: exportRows(s) };
}
