// Names and labels of the per-Gateway proxy objects, computed the way Envoy Gateway does (the
// golden-file test checks them), so the portal finds the emulator's Service where it finds the real one.
import { createHash } from "node:crypto";

export const CONTROLLER_NAME = "gateway.envoyproxy.io/gatewayclass-controller";
export const GATEWAY_GROUP = "gateway.networking.k8s.io";
export const CONTROLLER_NAMESPACE = "envoy-gateway-system";
/** The labels that name the Gateway a proxy object belongs to. */
export const OWNING_GATEWAY = {
  name: "gateway.envoyproxy.io/owning-gateway-name",
  namespace: "gateway.envoyproxy.io/owning-gateway-namespace",
} as const;
/** Where the emulator records the URL its data plane really listens on (see data-plane.ts). */
export const DATA_PLANE_URL_ANNOTATION = "sandbox.kube-bind.io/data-plane-url";

const MAX_BASE = 48;

/**
 * `envoy-` + `<ns>-<name>` (cut to 48 characters, minus one trailing dash) + `-` + the first
 * 8 hex digits of SHA-256("<ns>/<name>"). The hash is always of the uncut key.
 */
export function envoyInfraName(gatewayNamespace: string, gatewayName: string): string {
  const key = `${gatewayNamespace}/${gatewayName}`;
  const hash = createHash("sha256").update(key).digest("hex").substring(0, 8);
  let base = key.split("/").join("-");
  if (base.length > MAX_BASE) {
    base = base.substring(0, MAX_BASE);
    // Go's strings.TrimSuffix drops a single dash, not a run of them.
    if (base.endsWith("-")) base = base.substring(0, base.length - 1);
  }
  return `envoy-${base}-${hash}`;
}

/** Labels Envoy Gateway puts on every proxy object (and uses as the Service selector). */
export function proxyLabels(gatewayNamespace: string, gatewayName: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": "envoy",
    "app.kubernetes.io/component": "proxy",
    "app.kubernetes.io/managed-by": "envoy-gateway",
    [OWNING_GATEWAY.name]: gatewayName,
    [OWNING_GATEWAY.namespace]: gatewayNamespace,
  };
}

/** Label selector for all proxy Services the (emulated) controller manages. */
export const PROXY_SELECTOR = "app.kubernetes.io/managed-by=envoy-gateway,app.kubernetes.io/component=proxy";

/** Service port name for a listener port: `http-80`. */
export const proxyPortName = (port: number) => `http-${port}`;

/** Container port: ports below 1024 are shifted by 10000 inside the Envoy pod. */
export const proxyTargetPort = (port: number) => (port < 1024 ? port + 10000 : port);
