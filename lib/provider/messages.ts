// Every sentence the provider console's model produces, in one place (isomorphic).
import { formatAge } from "../status/time";

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const every = (ms: number) => formatAge(ms);

export const TITLES = {
  backend: "kube-bind backend",
  kro: "kro and the LoadBalancer API",
  export: "Export template and schema source",
  gatewayclass: "GatewayClass for Envoy Gateway",
  network: "Backend Service and EndpointSlice",
} as const;

export const say = {
  // backend
  backendOk: "kube-bind's backend runs and answers: its CRDs are current and no request waits for it.",
  backendCrds: (count: number) => `kube-bind's CRDs: all ${count} installed and served at v1alpha2.`,
  backendCrdsWrong: (names: string[]) =>
    `kube-bind's backend needs its CRDs at v1alpha2; ${names.length === 1 ? "this one is" : "these are"} missing or at another version: ${names.join(", ")}.`,
  clusterDefault: 'Cluster "default" exists: the backend created it when it started.',
  noClusterDefault:
    'kube-bind\'s backend has not started on this provider: it creates the Cluster "default" when it starts, and there is none.',
  nothingWaits: "No export or bind request has waited for the backend for more than a minute.",
  requestsWaiting: (names: string[]) =>
    `${n(names.length, "request")} waited more than a minute for kube-bind's backend, which answers within seconds when it runs: ${names.join(", ")}.`,
  backendFailed: (count: number) => `${n(count, "problem")} with kube-bind's backend.`,
  // kro
  kroOk: "kro runs and serves LoadBalancers: the RGD is Active and its CRD is established.",
  kroMissing: "kro is not installed: the provider has no ResourceGraphDefinition API.",
  rgdMissing: (name: string) => `There is no ResourceGraphDefinition for LoadBalancers (the guide names it ${name}).`,
  rgdActive: (name: string, revision?: number) =>
    `RGD ${name} is Active${revision === undefined ? "" : ` (generation ${revision} processed by kro)`}.`,
  rgdRejected: (name: string) =>
    `kro rejected RGD ${name}: it serves no new version of LoadBalancers until it is fixed.`,
  rgdRejectedPlain: "kro rejected the RGD; its message says why.",
  rgdNotActive: (name: string, state: string) => `RGD ${name} is ${state}, not Active.`,
  kroStalled: (name: string, generation: number) =>
    `kro has not processed generation ${generation} of RGD ${name} for more than a minute: kro may not be running.`,
  kroCatchingUp: (name: string, generation: number) => `kro is processing generation ${generation} of RGD ${name}.`,
  crdServed: (crd: string, version: string) => `CRD ${crd} is established and serves ${version}.`,
  crdMissing: (kind: string) => `kro has not generated the CRD for ${kind} (yet).`,
  crdNotServing: (crd: string, version: string) => `CRD ${crd} does not serve ${version}.`,
  // export
  exportOk: (count: number) =>
    `${n(count, "export template")} ${count === 1 ? "is" : "are"} served: every exported CRD carries kube-bind.io/exported=true.`,
  noTemplates: "There is no APIServiceExportTemplate: the catalog is empty and nothing can be bound.",
  templateServes: (template: string, resource: string, versions: string[]) =>
    `Template ${template} exports ${resource} ${versions.join(", ")}, labelled kube-bind.io/exported=true.`,
  noCrdForExport: (template: string, resource: string) =>
    `Template ${template} exports ${resource}, but the provider has no CRD for it.`,
  exportNotLabelled: (template: string, crd: string) =>
    `CRD ${crd} lacks the label kube-bind.io/exported=true, so kube-bind's backend does not serve its schema: binding template ${template} fails.`,
  exportVersionNotServed: (template: string, crd: string, versions: string[]) =>
    `Template ${template} exports ${crd} ${versions.join(", ")}, which the CRD does not serve.`,
  claims: (template: string, claims: string[]) => `Template ${template} claims ${claims.join("; ")}.`,
  // gateway class
  gatewayClassOk: (name: string) => `GatewayClass ${name} is accepted by Envoy Gateway.`,
  gatewayApiMissing: "The Gateway API is not installed on the provider (no GatewayClass CRD).",
  gatewayClassMissing: (name: string) =>
    `GatewayClass ${name} does not exist: every Gateway kro makes for a LoadBalancer names it, so none is accepted and no LoadBalancer gets an address.`,
  gatewayClassOtherController: (name: string, controller?: string) =>
    `GatewayClass ${name} is managed by ${controller ?? "no controller"}, not by Envoy Gateway.`,
  gatewayClassRefused: (name: string) => `Envoy Gateway did not accept GatewayClass ${name}.`,
  gatewayClassPending: (name: string) => `Waiting for Envoy Gateway to accept GatewayClass ${name}.`,
  gatewayClassUnclaimed: (name: string) =>
    `Nothing accepted GatewayClass ${name} for more than a minute: Envoy Gateway may not be running.`,
  gatewayClassUsed: (name: string) => `The RGD's Gateways use GatewayClass ${name}.`,
  // network
  networkOk: (ns: string, name: string) =>
    `Service ${ns}/${name} has a ready endpoint: the guide's multi-cluster network reaches the consumer's backend.`,
  serviceMissing: (ns: string, name: string) =>
    `There is no Service ${ns}/${name}: LoadBalancers that target it have nothing to send traffic to.`,
  serviceFound: (ns: string, name: string, ports: string) => `Service ${ns}/${name} exists (${ports}).`,
  sliceMissing: (ns: string, name: string) =>
    `Service ${ns}/${name} has no EndpointSlice (labelled kubernetes.io/service-name=${name}): it has no address to reach the consumer's backend.`,
  noReadyEndpoint: (name: string) => `EndpointSlice ${name} has no ready address: traffic has nowhere to go.`,
  readyEndpoints: (name: string, addresses: string[]) =>
    `EndpointSlice ${name}: ${n(addresses.length, "ready address", "ready addresses")} (${addresses.join(", ")}).`,
  portMismatch: (slice: string, ports: string) =>
    `EndpointSlice ${slice} has no port named like the Service's (${ports}): the Service cannot use it.`,
  // consumers
  revoking: "Being revoked: its provider namespace is being deleted.",
  konnectorStopped: (ns: string, name: string, ready: number, replicas: number) =>
    `The konnector is stopped on this consumer (Deployment ${ns}/${name}: ${ready} of ${replicas} replicas ready): nothing syncs in either direction, and its heartbeat will stop.`,
  konnectorMissing: (ns: string, name: string) =>
    `There is no konnector on this consumer (no Deployment ${ns}/${name}): nothing syncs.`,
  konnectorDegraded: (ready: number, replicas: number) => `Only ${ready} of ${replicas} konnector replicas are ready.`,
  healthy: (intervalMs: number) => `The konnector reports every ${every(intervalMs)}.`,
  late: (intervalMs: number) =>
    `The konnector's heartbeat is overdue (it reports every ${every(intervalMs)}): it may have stopped or lost the provider.`,
  lost: (intervalMs: number) =>
    `No heartbeat for more than ${every(2 * intervalMs)}: kube-bind treats this konnector as gone, and nothing syncs.`,
  never: "The konnector has never reported: it is not running on the consumer, or cannot reach the provider.",
  starting: () => "Bound moments ago: the konnector's first heartbeat is due.",
  exportNotInSync: (name: string, condition: string) => `APIServiceExport ${name}: ${condition}.`,
  selectsReferences: (refs: string[]) => `referenced by ${refs.join(", ")}`,
  selectsNamed: (names: string[]) => `named ${names.join(", ")}`,
  selectsLabels: "matching a label selector",
  selectsAll: "all of them",
};
