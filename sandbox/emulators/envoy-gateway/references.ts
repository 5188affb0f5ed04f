// backendRef resolution in Envoy Gateway v1.9's order: backendRef filters, group and kind,
// ReferenceGrant permission, port given, Service and port exist, then endpoints. Pure; the status
// reports the failures, the data plane dials the endpoints.
import { compileHeaderFilters } from "./header-filters";
import { GATEWAY_GROUP } from "./naming";
import type { BackendRef, ReferenceGrant, Service, ServicePort, Snapshot } from "./types";

/** A grant in the target namespace from HTTPRoutes of the route's namespace to this object (or all of its kind). */
export function grantAllows(
  grants: ReferenceGrant[],
  fromNs: string,
  toNs: string,
  name: string,
  to: { group: string; kind: string } = { group: "", kind: "Service" },
): boolean {
  return grants.some(
    (g) =>
      g.metadata.namespace === toNs &&
      g.spec.from.some((f) => f.group === GATEWAY_GROUP && f.kind === "HTTPRoute" && f.namespace === fromNs) &&
      g.spec.to.some((t) => t.group === to.group && t.kind === to.kind && (!t.name || t.name === name)),
  );
}

export interface Endpoint {
  address: string;
  port: number;
}

/** Why a backendRef does not work; `condition` is the route condition Envoy Gateway sets to False. */
export interface BackendFailure {
  ok: false;
  condition: "ResolvedRefs" | "BackendsAvailable";
  reason: string;
  detail: string;
}

export type BackendResolution =
  | { ok: true; service: Service; port: ServicePort; namespace: string; endpoints: Endpoint[] }
  | BackendFailure;

const fail = (reason: string, detail: string, condition: BackendFailure["condition"] = "ResolvedRefs") =>
  ({ ok: false, condition, reason, detail }) as const;

const MULTICLUSTER_GROUP = "multicluster.x-k8s.io";
const EG_GROUP = "gateway.envoyproxy.io";
const BACKEND_FILTERS = ["RequestHeaderModifier", "ResponseHeaderModifier", "URLRewrite", "ExtensionRef"];

export function resolveBackendRef(
  ref: BackendRef,
  routeNs: string,
  snap: Pick<Snapshot, "grants" | "services" | "slices">,
): BackendResolution {
  const ns = ref.namespace || routeNs;
  const group = ref.group ?? "";
  const kind = ref.kind ?? "Service";
  if (ref.filters?.some((f) => !BACKEND_FILTERS.includes(f.type))) {
    return fail(
      "UnsupportedRefValue",
      "Specific filter is not supported within BackendRef, only RequestHeaderModifier, ResponseHeaderModifier, URLRewrite and gateway.envoyproxy.io/HTTPRouteFilter are supported",
    );
  }
  if (group !== "" && group !== MULTICLUSTER_GROUP && group !== EG_GROUP) {
    return fail(
      "InvalidKind",
      `Group is invalid, only the core API group (specified by omitting the group field or setting it to an empty string), ${MULTICLUSTER_GROUP} and ${EG_GROUP} are supported`,
    );
  }
  if (!["Service", "ServiceImport", "Backend"].includes(kind)) {
    return fail(
      "InvalidKind",
      "Kind is invalid, only Service, MCS ServiceImport and Envoy Gateway Backend are supported",
    );
  }
  if (ns !== routeNs && !grantAllows(snap.grants, routeNs, ns, ref.name, { group, kind })) {
    return fail("RefNotPermitted", `Backend ref to ${kind} ${ns}/${ref.name} not permitted by any ReferenceGrant.`);
  }
  // Envoy Gateway's default configuration disables its Backend API; the sandbox has no ServiceImports.
  if (kind === "Backend") return fail("UnsupportedValue", "Backend is disabled in Envoy Gateway configuration");
  if (ref.port === undefined) {
    return fail("PortNotSpecified", "A valid port number corresponding to a port on the Service must be specified");
  }
  if (kind === "ServiceImport") return fail("BackendNotFound", `service import ${ns}/${ref.name} not found`);
  const service = snap.services.find((s) => s.metadata.namespace === ns && s.metadata.name === ref.name);
  if (!service) return fail("BackendNotFound", `service ${ns}/${ref.name} not found`);
  if (service.spec?.type === "ExternalName") {
    return fail(
      "UnsupportedValue",
      `Service ${ns}/${ref.name} is of type ExternalName, which is not supported as a backend; use an Envoy Gateway Backend resource with an FQDN endpoint instead`,
    );
  }
  const port = service.spec?.ports?.find((p) => p.port === ref.port && (p.protocol ?? "TCP") === "TCP");
  if (!port) return fail("PortNotFound", `TCP Port ${ref.port} not found on Service ${ns}/${ref.name}`);
  if (ref.weight === 0) return { ok: true, service, port, namespace: ns, endpoints: [] };
  const endpoints = endpointsFor(service, port, snap.slices);
  if (endpoints.length === 0) {
    return fail(
      "EndpointsNotFound",
      `no ready endpoints for the related Service ${ns}/${ref.name}`,
      "BackendsAvailable",
    );
  }
  const filterError = compileHeaderFilters(ref.filters).error;
  if (filterError) return fail("InvalidBackendFilters", filterError);
  return { ok: true, service, port, namespace: ns, endpoints: endpoints.filter((e) => !e.draining) };
}

/**
 * Endpoints behind a Service port: EndpointSlices labelled with the Service name whose port has
 * the Service port's name and protocol. Not-ready endpoints count (Envoy drains them), so only a
 * Service without any endpoint is "no endpoints"; the data plane dials the ready ones.
 */
export function endpointsFor(
  service: Service,
  port: ServicePort,
  slices: Snapshot["slices"],
): (Endpoint & { draining: boolean })[] {
  const ns = service.metadata.namespace;
  const name = service.metadata.name;
  const out: (Endpoint & { draining: boolean })[] = [];
  for (const slice of slices) {
    if (slice.metadata.namespace !== ns || slice.metadata.labels?.["kubernetes.io/service-name"] !== name) continue;
    for (const ep of slice.endpoints ?? []) {
      for (const slicePort of slice.ports ?? []) {
        if (
          (slicePort.name ?? "") !== (port.name ?? "") ||
          (slicePort.protocol ?? "TCP") !== (port.protocol ?? "TCP")
        ) {
          continue;
        }
        if (slicePort.port === undefined || slicePort.port === null) continue;
        const c = ep.conditions;
        const draining =
          c?.serving != null && c?.terminating != null ? c.terminating || !c.serving : c?.ready === false;
        for (const address of ep.addresses) out.push({ address, port: slicePort.port, draining });
      }
    }
  }
  return out;
}
