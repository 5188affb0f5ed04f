// The proxy "infrastructure" in envoy-gateway-system. Real Envoy Gateway creates a ServiceAccount,
// ConfigMap, Deployment and Service; only the Service is created here, because pods cannot run in
// the sandbox and the Deployment's only observable effect (availableReplicas) is stood in for by
// the data plane's own listeners. The emulator then plays the cloud load balancer and writes the
// Service's status.loadBalancer.ingress itself.
import type { CoreV1Api, V1Service } from "@kubernetes/client-node";
import type { GatewayProxy } from "./data-plane";
import {
  CONTROLLER_NAMESPACE,
  DATA_PLANE_URL_ANNOTATION,
  envoyInfraName,
  proxyLabels,
  proxyPortName,
  proxyTargetPort,
} from "./naming";
import type { Gateway, GatewayAddress, GatewayClass, Service } from "./types";

export const isNotFound = (err: unknown) => (err as { code?: number })?.code === 404;
export const isConflict = (err: unknown) => (err as { code?: number })?.code === 409;

export async function ensureNamespace(core: CoreV1Api): Promise<void> {
  try {
    await core.readNamespace({ name: CONTROLLER_NAMESPACE });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    try {
      await core.createNamespace({ body: { metadata: { name: CONTROLLER_NAMESPACE } } });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
}

/**
 * The Service as Envoy Gateway renders it, plus the data-plane URL annotation: one port per
 * programmed listener port (listeners.ts programmedPorts).
 */
export function desiredService(
  gw: Gateway,
  gc: GatewayClass,
  proxy: Pick<GatewayProxy, "url">,
  ports: number[],
): V1Service {
  const ns = gw.metadata.namespace ?? "";
  const labels = proxyLabels(ns, gw.metadata.name);
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: envoyInfraName(ns, gw.metadata.name),
      namespace: CONTROLLER_NAMESPACE,
      labels,
      annotations: proxy.url ? { [DATA_PLANE_URL_ANNOTATION]: proxy.url } : {},
      ownerReferences: [
        {
          apiVersion: "gateway.networking.k8s.io/v1",
          kind: "GatewayClass",
          name: gc.metadata.name,
          uid: gc.metadata.uid ?? "",
        },
      ],
    },
    spec: {
      type: "LoadBalancer",
      externalTrafficPolicy: "Local",
      sessionAffinity: "None",
      selector: labels,
      ports: ports.map((port) => ({
        name: proxyPortName(port),
        protocol: "TCP",
        port,
        targetPort: proxyTargetPort(port),
      })),
    },
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates or updates the proxy Service and sets its load-balancer ingress to the data-plane
 * address. Returns the Service as last written (the cache may lag behind).
 */
export async function ensureProxyService(
  core: CoreV1Api,
  existing: Service | undefined,
  want: V1Service,
  address: string,
): Promise<V1Service> {
  const name = want.metadata?.name ?? "";
  const namespace = CONTROLLER_NAMESPACE;
  let svc: V1Service;
  if (!existing) {
    try {
      svc = await core.createNamespacedService({ namespace, body: want });
    } catch (err) {
      // Created by an earlier pass the cache has not seen yet.
      if (!isConflict(err)) throw err;
      svc = await core.readNamespacedService({ name, namespace });
    }
  } else {
    svc = existing as V1Service;
    const current = {
      labels: svc.metadata?.labels,
      annotations: svc.metadata?.annotations?.[DATA_PLANE_URL_ANNOTATION],
      ports: svc.spec?.ports?.map((p) => ({
        name: p.name,
        protocol: p.protocol,
        port: p.port,
        targetPort: p.targetPort,
      })),
    };
    const desired = {
      labels: want.metadata?.labels,
      annotations: want.metadata?.annotations?.[DATA_PLANE_URL_ANNOTATION],
      ports: want.spec?.ports,
    };
    if (!sameJson(current, desired)) {
      const body: V1Service = { ...structuredClone(svc), apiVersion: "v1", kind: "Service" };
      body.metadata = {
        ...body.metadata,
        labels: want.metadata?.labels,
        annotations: { ...body.metadata?.annotations, ...want.metadata?.annotations },
      };
      // Keep the allocated nodePorts of ports that stay.
      body.spec = {
        ...body.spec,
        ports: want.spec?.ports?.map((p) => ({
          ...p,
          nodePort: svc.spec?.ports?.find((q) => q.port === p.port)?.nodePort,
        })),
      };
      svc = await core.replaceNamespacedService({ name, namespace, body });
    }
  }
  const ingress = [{ ip: address, ipMode: "VIP" }];
  if (
    !sameJson(
      svc.status?.loadBalancer?.ingress?.map((i) => ({ ip: i.ip, ipMode: i.ipMode })),
      ingress,
    )
  ) {
    const body: V1Service = { ...structuredClone(svc), apiVersion: "v1", kind: "Service" };
    body.status = { ...body.status, loadBalancer: { ingress } };
    svc = await core.replaceNamespacedServiceStatus({ name, namespace, body });
  }
  return svc;
}

/** Gateway addresses from the proxy Service: ingress IPs and hostnames, else externalIPs. */
export function serviceAddresses(svc: V1Service | Service | undefined): GatewayAddress[] {
  const ingress = (svc?.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[];
  const out: GatewayAddress[] = [];
  for (const i of ingress) {
    if (i.ip) out.push({ type: "IPAddress", value: i.ip });
    if (i.hostname) out.push({ type: "Hostname", value: i.hostname });
  }
  if (out.length > 0) return out;
  const external = ((svc?.spec as { externalIPs?: string[] } | undefined)?.externalIPs ?? []) as string[];
  return external.map((value) => ({ type: "IPAddress", value }));
}

export async function deleteProxyService(core: CoreV1Api, name: string): Promise<void> {
  try {
    await core.deleteNamespacedService({ name, namespace: CONTROLLER_NAMESPACE });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
