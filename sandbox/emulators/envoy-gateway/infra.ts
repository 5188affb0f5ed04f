// The proxy "infrastructure" in envoy-gateway-system. Real Envoy Gateway creates a ServiceAccount,
// ConfigMap, Deployment and Service; only the Service is created here, because pods cannot run in
// the sandbox and the Deployment's only observable effect (availableReplicas) is stood in for by
// the data plane's own listeners. The emulator then plays the cloud load balancer and writes the
// Service's status.loadBalancer.ingress itself.

import { APIS } from "../../../lib/k8s/apis";
import { applyObject } from "../../../lib/k8s/apply";
import type { KubeClient } from "../../../lib/k8s/client";
import { isAlreadyExists, isNotFound } from "../../../lib/k8s/errors";
import type { KubeObject } from "../../../lib/k8s/types";
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

/** The proxy Service as written: the fields the emulator reads, with apiVersion and kind. */
export type ProxyService = Service & Pick<KubeObject, "apiVersion" | "kind">;

const APPLY = { fieldManager: "envoy-gateway-emulator" };
const SERVICES = { ...APIS.services, namespace: CONTROLLER_NAMESPACE };

export async function ensureNamespace(client: KubeClient): Promise<void> {
  await applyObject(client, { apiVersion: "v1", kind: "Namespace", metadata: { name: CONTROLLER_NAMESPACE } }, APPLY);
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
): ProxyService {
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
  client: KubeClient,
  existing: Service | undefined,
  want: ProxyService,
  address: string,
): Promise<ProxyService> {
  const ref = { ...SERVICES, name: want.metadata.name };
  let svc: ProxyService;
  if (!existing) {
    try {
      svc = await client.create<KubeObject & ProxyService>(SERVICES, want);
    } catch (err) {
      // Created by an earlier pass the cache has not seen yet.
      if (!isAlreadyExists(err)) throw err;
      svc = await client.get<KubeObject & ProxyService>(ref);
    }
  } else {
    svc = { ...existing, apiVersion: "v1", kind: "Service" };
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
      const body: ProxyService = structuredClone(svc);
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
      svc = await client.update<KubeObject & ProxyService>(ref, body);
    }
  }
  const ingress = [{ ip: address, ipMode: "VIP" }];
  if (
    !sameJson(
      svc.status?.loadBalancer?.ingress?.map((i) => ({ ip: i.ip, ipMode: i.ipMode })),
      ingress,
    )
  ) {
    const body: ProxyService = { ...structuredClone(svc), apiVersion: "v1", kind: "Service" };
    body.status = { ...body.status, loadBalancer: { ingress } };
    svc = await client.update<KubeObject & ProxyService>({ ...ref, subresource: "status" }, body);
  }
  return svc;
}

/** Gateway addresses from the proxy Service: ingress IPs and hostnames, else externalIPs. */
export function serviceAddresses(svc: Service | undefined): GatewayAddress[] {
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

export async function deleteProxyService(client: KubeClient, name: string): Promise<void> {
  try {
    await client.delete({ ...SERVICES, name });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
