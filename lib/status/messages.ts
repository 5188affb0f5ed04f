// Every sentence the status model shows, in one place. Each is one plain sentence: what is
// happening, or what blocks and what to do about it.
import type { StageId } from "./types";

export const STAGE_LABELS: Record<StageId, string> = {
  requested: "Requested",
  synced: "Synced to provider",
  settings: "Settings synced",
  resources: "kro resources created",
  routing: "Gateway and route accepted",
  address: "Address assigned",
  ready: "Ready",
};

const KONNECTOR_CHECK = "check that it runs (kubectl -n kube-bind get deployment konnector)";

export const say = {
  policyRefused: (problem: string, what: string) =>
    `The provider refused ${what}: refused by the platform's policy: ${problem} ${say.retrying}`,
  retrying: "The konnector keeps retrying; change it on your cluster (edit it here, or kubectl) and it syncs.",
  pending: "Waits for the previous steps.",
  notReached: (label: string) => `Not reached: it waits for the step "${label}", which needs attention first.`,

  requested: (ns: string) => `Created in namespace ${ns} on your cluster.`,
  deleting: "Deletion requested; waiting for the provider to remove what was made for it.",

  syncWaiting: "Waiting for the konnector to copy it to the provider.",
  syncChanges: "Copying your latest changes to the provider.",
  syncStuck: (age: string) =>
    `It has not reached the provider after ${age}: the konnector on your cluster may not be running; ${KONNECTOR_CHECK}.`,
  syncDone: (ns: string) => `Copied to namespace ${ns} on the provider.`,
  heartbeatStale: (age: string) =>
    `The konnector on your cluster last reported ${age} ago, so changes and status do not sync; ${KONNECTOR_CHECK}.`,
  heartbeatNever: `The konnector on your cluster has never reported to the provider; ${KONNECTOR_CHECK}.`,
  // The konnector, from its Deployment on the consumer (ready replicas) and its heartbeat.
  syncStuckRunning: (age: string) =>
    `It has not reached the provider after ${age} although the konnector on your cluster runs; check that the binding covers LoadBalancers (kubectl get apiservicebindings).`,
  heartbeatStaleRunning: (age: string) =>
    `The konnector on your cluster runs but last reported to the provider ${age} ago, so it may not reach the provider and changes and status may not sync; check that your cluster can reach the provider.`,
  konnectorDown: (desired: number) =>
    `The konnector on your cluster is not running (0 of ${desired} replicas ready), so nothing is copied to the provider or back until it runs again; a cluster admin can check it with kubectl -n kube-bind get deployment konnector.`,
  konnectorScaledDown:
    "The konnector on your cluster is scaled to 0 replicas, so nothing is copied to the provider or back until it runs again; a cluster admin can check it with kubectl -n kube-bind get deployment konnector and scale it up.",
  konnectorMissing:
    "The konnector is not installed on your cluster (no Deployment konnector in namespace kube-bind), so nothing is copied to the provider or back; binding the LoadBalancer API again installs it.",
  konnectorStarting: "The konnector on your cluster is starting.",
  konnectorHealthy: "The konnector on your cluster runs and reports to the provider.",
  konnectorLate: (interval: string) =>
    `The konnector on your cluster runs, but its report to the provider (due every ${interval}) is overdue.`,
  konnectorLost: (interval: string) =>
    `The konnector has not reported to the provider for more than twice its interval (${interval}), so changes and status may not sync; ${KONNECTOR_CHECK}.`,
  konnectorUnknown: "The portal cannot see the konnector's Deployment or its reports to the provider.",

  noConfigMapRef: "No settings ConfigMap is named in spec.configMapRef; edit the load balancer to name one.",
  configMapMissing: (ns: string, name: string) =>
    `ConfigMap ${name} does not exist in namespace ${ns}; create it with a custom-header key.`,
  configMapKeyMissing: (ns: string, name: string) =>
    `ConfigMap ${name} has no custom-header key, so the header gets a default value; add the key (kubectl -n ${ns} edit configmap ${name}).`,
  configMapSyncing: (name: string) => `Copying ConfigMap ${name} to the provider.`,
  configMapNotSynced: (name: string, age: string) =>
    `ConfigMap ${name} has not reached the provider after ${age}: the binding must allow ConfigMaps and the konnector must run.`,
  configMapNotCopied: (ns: string, name: string, age: string) =>
    `ConfigMap ${name} has not reached the provider after ${age} although the konnector runs: the konnector copies a ConfigMap when it changes, so one created before the load balancer that names it waits for its next change; change it (kubectl -n ${ns} annotate configmap ${name} resync="$(date +%s)" --overwrite), or check that the binding allows ConfigMaps.`,
  configMapDone: (name: string) => `ConfigMap ${name} is on the provider.`,

  rgdInactive: (name: string, why: string) =>
    `The provider's LoadBalancer API is not active (ResourceGraphDefinition ${name}: ${why}); ask the platform team to fix it.`,
  kroWaiting: "Waiting for kro on the provider to pick it up.",
  kroNotRunning: (age: string) =>
    `kro has not picked it up after ${age}, so kro may not be running on the provider; ask the platform team.`,
  kroError: (why: string) => `kro could not create its resources: ${why}`,
  kroApplying: "kro is applying the ReferenceGrant, Gateway and HTTPRoute.",
  targetNamespaceMissing: (ns: string) =>
    `Target Service namespace ${ns} does not exist on the provider; set spec.targetServiceNamespace to a namespace that exists there.`,
  namespaceMissing: (ns: string) =>
    `Namespace ${ns} does not exist on the provider, so kro cannot create its resources there; ask the platform team.`,
  targetRefused: (ns: string, svc: string, shared: string) =>
    `The platform's policy refuses target Service namespace ${ns} (Service ${svc}): a LoadBalancer may route only to Services in its own namespace or to the platform's shared targets (${shared}); set spec.targetServiceNamespace and spec.targetService to one of them.`,
  specIncomplete: (field: string) => `Its spec has no ${field}; edit the load balancer and set it.`,
  waitingForSettings: "kro waits for the settings ConfigMap before it creates the route.",
  grantMissing: (ns: string) =>
    `The ReferenceGrant that lets the route reach Services in namespace ${ns} is missing, so the route may not reach its Service; kro normally recreates it, so ask the platform team if it stays missing.`,
  creating: (what: string) => `kro is creating the ${what}.`,
  resourcesDone: "kro created the ReferenceGrant, Gateway and HTTPRoute.",

  gatewayWaiting: (name: string) => `Waiting for Envoy Gateway to accept Gateway ${name}.`,
  gatewayNotAccepted: (name: string, age: string) =>
    `Envoy Gateway has not accepted Gateway ${name} after ${age}: it may not be running or GatewayClass eg may be missing; ask the platform team.`,
  gatewayRejected: (name: string, why: string) => `Envoy Gateway rejected Gateway ${name}: ${why}`,
  routeWaiting: (name: string) => `Waiting for Envoy Gateway to accept HTTPRoute ${name}.`,
  routeNoStatus: (name: string, age: string) =>
    `No controller has reported on HTTPRoute ${name} after ${age}: its Gateway may be missing or not handled by Envoy Gateway.`,
  routeNotAccepted: (name: string, why: string) => `HTTPRoute ${name} was not accepted: ${why}`,
  refNotPermitted: (ns: string, svc: string, from: string) =>
    `The route may not use Service ${ns}/${svc} because no ReferenceGrant in namespace ${ns} allows routes from ${from}; kro creates one per load balancer, so ask the platform team if it is missing.`,
  backendNotFound: (ns: string, svc: string) =>
    `Service ${svc} does not exist in namespace ${ns} on the provider; create it there or set spec.targetService to an existing Service.`,
  portNotFound: (ns: string, svc: string, port: number | undefined) =>
    `Service ${svc} in namespace ${ns} has no TCP port ${port ?? "(none given)"}; set spec.targetPort to a port the Service exposes.`,
  noEndpoints: (ns: string, svc: string) =>
    `Service ${svc} in namespace ${ns} has no endpoints (no pods behind it), so the proxy answers 503; start the pods behind it or set spec.targetService to a Service that has them.`,
  invalidHeader: (route: string, ns: string, configMap: string) =>
    `Envoy Gateway rejected HTTPRoute ${route} because the header value from the custom-header key of ConfigMap ${configMap} is not a valid HTTP header value (a line break, a control character, or a space at either end), so requests get 500; fix the value (kubectl -n ${ns} edit configmap ${configMap}).`,
  listenerConflict: (gw: string, listeners: string[]) =>
    `Gateway ${gw} has listeners on the same port with the same hostname (${listeners.join(", ")}), so Envoy Gateway serves none of them; each listener on a port needs its own spec.listeners[].hostname, which the platform team sets in the LoadBalancer ResourceGraphDefinition.`,
  refsNotResolved: (why: string) => `The route's references cannot be resolved: ${why}`,
  envoyUnavailable: (name: string) => `Envoy proxies for Gateway ${name} are not available yet.`,
  routingDone: "Envoy Gateway accepted the Gateway and the route, and the route reaches its Service.",

  envoyServiceWaiting: "Waiting for Envoy Gateway to create the proxy Service.",
  envoyServiceMissing: (gw: string, age: string) =>
    `Envoy Gateway has not created a proxy Service for Gateway ${gw} after ${age}; ask the platform team.`,
  addressWaiting: "Waiting for the proxy Service to get an address.",
  noAddress: (svc: string, age: string) =>
    `Proxy Service ${svc} has had no external address for ${age} (AddressNotAssigned); ask the platform team for a load-balancer implementation.`,
  addressDone: (address: string) => `Reachable at ${address}.`,

  statusWaiting: "Waiting for the status to come back to your cluster.",
  statusNotSynced: (age: string) =>
    `The provider finished ${age} ago but the status has not come back to your cluster, so the konnector may not be running; ${KONNECTOR_CHECK}.`,
  readyWaiting: "Waiting for kro to report Ready.",
  readyDone: (address?: string) => (address ? `Ready at ${address}.` : "Ready."),

  summaryReady: (domain: string | undefined, address: string | undefined) =>
    domain && address ? `Ready: ${domain} is served at ${address}.` : say.readyDone(address),
  summaryDeleting: "Being deleted.",
  summaryStep: (label: string, message: string) => `${label}: ${message}`,
};

/**
 * kro reports "cluster mutated" while its apply races other writers (its own children's status
 * updates); it retries and it clears within seconds, so it is no failure unless it persists.
 */
export const KRO_TRANSIENT = /cluster mutated/;

/** The namespace of kro's apply error "namespaces "x" not found", if that is the error. */
export function missingNamespace(message: string | undefined): string | undefined {
  return /namespaces "([^"]+)" not found/.exec(message ?? "")?.[1];
}

/** kro's apply errors, shortened to their first line without the wrapper prefixes and regexes. */
export function kroMessage(message: string | undefined): string {
  const first = (message ?? "").split("\n")[0];
  const clean = first
    .replace(/^resource reconciliation failed: /, "")
    .replace(/^apply results contain errors: /, "")
    .replace(/(\w+)\.[a-z0-9.-]+\.[a-z]+ "/, '$1 "')
    .replace(/ in body should match '[^']*'/g, "")
    .trim();
  return /[.!?]$/.test(clean) ? clean : `${clean}.`;
}
