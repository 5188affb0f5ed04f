// backendRef resolution: ReferenceGrant permission, Service and port, EndpointSlice endpoints.
// Pure; the status uses the first failure as ResolvedRefs, the data plane the endpoints.
import { GATEWAY_GROUP } from "./matching";
import type { BackendRef, HTTPRoute, ReferenceGrant, Service, ServicePort, Snapshot } from "./types";

/** Reference §5.4: a grant in the target namespace from HTTPRoutes of the route's namespace to Services. */
export function grantAllows(grants: ReferenceGrant[], fromNs: string, toNs: string, serviceName: string): boolean {
  return grants.some(
    (g) =>
      g.metadata.namespace === toNs &&
      g.spec.from.some((f) => f.group === GATEWAY_GROUP && f.kind === "HTTPRoute" && f.namespace === fromNs) &&
      g.spec.to.some((t) => t.group === "" && t.kind === "Service" && (!t.name || t.name === serviceName)),
  );
}

export type BackendResolution =
  | { ok: true; service: Service; port: ServicePort; namespace: string }
  | { ok: false; reason: string; detail: string };

export function resolveBackendRef(
  ref: BackendRef,
  routeNs: string,
  snap: Pick<Snapshot, "grants" | "services">,
): BackendResolution {
  const ns = ref.namespace ?? routeNs;
  const group = ref.group ?? "";
  const kind = ref.kind ?? "Service";
  if (group !== "" || kind !== "Service") {
    return { ok: false, reason: "InvalidKind", detail: `Kind ${group ? `${group}/` : ""}${kind} is not supported.` };
  }
  if (ns !== routeNs && !grantAllows(snap.grants, routeNs, ns, ref.name)) {
    return {
      ok: false,
      reason: "RefNotPermitted",
      detail: `Backend ref to Service ${ns}/${ref.name} not permitted by any ReferenceGrant.`,
    };
  }
  const service = snap.services.find((s) => s.metadata.namespace === ns && s.metadata.name === ref.name);
  if (!service) return { ok: false, reason: "BackendNotFound", detail: `service ${ns}/${ref.name} not found.` };
  const port = service.spec?.ports?.find((p) => p.port === ref.port && (p.protocol ?? "TCP") === "TCP");
  if (!port) {
    return {
      ok: false,
      reason: "BackendNotFound",
      detail: `TCP Port ${ref.port ?? "(none)"} not found on service ${ns}/${ref.name}.`,
    };
  }
  return { ok: true, service, port, namespace: ns };
}

/** First unresolvable backendRef of the route, in rule/backendRef order, as Envoy Gateway reports it. */
export function firstUnresolvedRef(
  route: HTTPRoute,
  snap: Pick<Snapshot, "grants" | "services">,
): { reason: string; message: string } | undefined {
  const routeNs = route.metadata.namespace ?? "";
  for (const [i, rule] of (route.spec.rules ?? []).entries()) {
    for (const [j, ref] of (rule.backendRefs ?? []).entries()) {
      const r = resolveBackendRef(ref, routeNs, snap);
      if (!r.ok) return { reason: r.reason, message: `Failed to process route rule ${i} backendRef ${j}: ${r.detail}` };
    }
  }
  return undefined;
}

export interface Endpoint {
  address: string;
  port: number;
}

/**
 * Ready endpoints behind a Service port: EndpointSlices labelled with the Service name, their
 * port picked by the Service port's name (as kube-proxy does).
 */
export function endpointsFor(service: Service, port: ServicePort, slices: Snapshot["slices"]): Endpoint[] {
  const ns = service.metadata.namespace;
  const name = service.metadata.name;
  const out: Endpoint[] = [];
  for (const slice of slices) {
    if (slice.metadata.namespace !== ns || slice.metadata.labels?.["kubernetes.io/service-name"] !== name) continue;
    if (slice.addressType !== "IPv4" && slice.addressType !== "IPv6" && slice.addressType !== "FQDN") continue;
    const slicePort = (slice.ports ?? []).find((p) => (p.name ?? "") === (port.name ?? ""));
    const number = slicePort?.port ?? (typeof port.targetPort === "number" ? port.targetPort : undefined);
    if (number === undefined || number === null) continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const address of ep.addresses) out.push({ address, port: number });
    }
  }
  return out;
}
