import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isNotFound } from "../../lib/k8s/errors";
import type { KubeObject } from "../../lib/k8s/types";
import { CONSUMER_NODE_ADDRESS, dialAddress } from "../lib/network";
import { freshNamespace, kubeClient, sandboxState, waitFor } from "../testing";
import { EXPORTED_LABEL, LOADBALANCER_CRD } from "./provider";

type Obj = KubeObject & {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

const LB = { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" };
const CRDS = { group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions" };
const GATEWAY_API = { group: "gateway.networking.k8s.io" };

describe(`provider setup`, () => {
  it("has kro serving the LoadBalancer RGD, exported to kube-bind", async () => {
    const admin = await kubeClient("provider");
    const rgd = await admin.get<Obj>({
      group: "kro.run",
      version: "v1alpha1",
      resource: "resourcegraphdefinitions",
      name: "loadbalancers",
    });
    expect(rgd.status?.state).toBe("Active");
    const crd = await admin.get<Obj>({ ...CRDS, name: LOADBALANCER_CRD });
    expect(crd.metadata.labels?.[EXPORTED_LABEL]).toBe("true");
    expect(crd.metadata.labels?.["kro.run/owned"]).toBe("true");
  });

  it("has the kube-bind CRDs, the guide's export template and GatewayClass eg", async () => {
    const admin = await kubeClient("provider");
    const scopes: Record<string, string> = {};
    const crds = await admin.list<Obj & { spec: { names: { plural: string }; scope: string } }>(CRDS);
    for (const crd of crds.items)
      if (crd.metadata.name.endsWith(".kube-bind.io")) scopes[crd.spec.names.plural] = crd.spec.scope;
    expect(scopes).toMatchObject({
      apiserviceexporttemplates: "Cluster",
      collections: "Cluster",
      apiserviceexports: "Namespaced",
      apiserviceexportrequests: "Namespaced",
      apiservicenamespaces: "Namespaced",
      clusterbindings: "Namespaced",
      boundschemas: "Namespaced",
    });
    const template = await admin.get<Obj>({
      group: "kube-bind.io",
      version: "v1alpha2",
      resource: "apiserviceexporttemplates",
      name: "loadbalancer",
    });
    expect(template.spec).toMatchObject({
      scope: "Namespaced",
      resources: [{ group: "networking.kro.run", resource: "loadbalancers", versions: ["v1alpha1"] }],
      permissionClaims: [{ group: "", resource: "configmaps" }],
    });
    const gatewayClass = await admin.get<Obj>({
      ...GATEWAY_API,
      version: "v1",
      resource: "gatewayclasses",
      name: "eg",
    });
    expect(gatewayClass.spec?.controllerName).toBe("gateway.envoyproxy.io/gatewayclass-controller");
  });

  it("points the backend Service's EndpointSlice at the echo server on the emulated consumer node", async () => {
    const admin = await kubeClient("provider");
    const echo = new URL(sandboxState().echo.url);
    const slice = await admin.get<
      KubeObject & { endpoints: { addresses: string[] }[]; ports: { name: string; port: number }[] }
    >({ group: "discovery.k8s.io", version: "v1", resource: "endpointslices", namespace: "default", name: "backend" });
    expect(slice.endpoints[0]?.addresses).toEqual([CONSUMER_NODE_ADDRESS]);
    expect(slice.ports).toEqual([expect.objectContaining({ name: "http", port: Number(echo.port) })]);
    // The emulated network delivers the node's address to loopback, where the echo listens.
    expect(dialAddress(CONSUMER_NODE_ADDRESS)).toBe(echo.hostname);
    const res = await fetch(
      `http://${dialAddress(slice.endpoints[0]?.addresses[0] ?? "")}:${slice.ports[0]?.port}/headers`,
    );
    expect(res.ok).toBe(true);
  });
});

/** Creates ConfigMap + LoadBalancer in a fresh namespace; returns it and a cleanup that waits for kro. */
async function createLoadBalancer(configData: Record<string, string>, name = `lb-${randomBytes(3).toString("hex")}`) {
  const admin = await kubeClient("provider");
  const ns = await freshNamespace("provider", "lb");
  await admin.create(
    { group: "", version: "v1", resource: "configmaps", namespace: ns.name },
    { metadata: { name: "lb-config" }, data: configData },
  );
  const lb = await admin.create<Obj>(
    { ...LB, namespace: ns.name },
    {
      apiVersion: "networking.kro.run/v1alpha1",
      kind: "LoadBalancer",
      metadata: { name },
      spec: {
        domain: "www.example.com",
        configMapRef: "lb-config",
        targetService: "backend",
        targetServiceNamespace: "default",
        targetPort: 30080,
      },
    },
  );
  const cleanup = async () => {
    await admin.delete({ ...LB, namespace: ns.name, name }).catch(() => undefined);
    // kro's finalizer removes the children (including the grant in `default`) before the instance goes.
    await waitFor(`LoadBalancer ${name} to be deleted by kro`, () =>
      admin.get({ ...LB, namespace: ns.name, name }).then(
        () => false,
        (error: unknown) => isNotFound(error),
      ),
    );
    await ns.cleanup();
  };
  return { ns: ns.name, name, uid: lb.metadata.uid ?? "", cleanup };
}

async function childrenOf(uid: string, resource: string, version: string, namespace: string): Promise<Obj[]> {
  const list = await (await kubeClient("provider")).list<Obj>(
    { ...GATEWAY_API, version, resource, namespace },
    { labelSelector: `kro.run/instance-id=${uid}` },
  );
  return list.items;
}

describe(`real kro reconciling a LoadBalancer`, () => {
  it("creates ReferenceGrant, Gateway and HTTPRoute labelled with the instance", { timeout: 120_000 }, async () => {
    const lb = await createLoadBalancer({ "custom-header": "hello-kube-bind" });
    try {
      const [grant] = await waitFor("ReferenceGrant", async () => {
        const items = await childrenOf(lb.uid, "referencegrants", "v1beta1", "default");
        return items.length ? items : undefined;
      });
      const gateway = await waitFor("Gateway", async () => (await childrenOf(lb.uid, "gateways", "v1", lb.ns))[0]);
      const route = await waitFor("HTTPRoute", async () => (await childrenOf(lb.uid, "httproutes", "v1", lb.ns))[0]);

      expect(grant?.metadata.name).toBe(`${lb.ns}-${lb.name}-grant`);
      // The grant lets the route reach its one target Service, not every Service in `default`.
      expect((grant?.spec as { to?: unknown } | undefined)?.to).toEqual([
        { group: "", kind: "Service", name: "backend" },
      ]);
      expect(grant?.metadata.labels).toMatchObject({
        "kro.run/node-id": "referencegrant",
        "kro.run/instance-namespace": lb.ns,
      });
      expect(gateway.metadata.name).toBe(`${lb.name}-gw`);
      expect(gateway.metadata.labels).toMatchObject({
        "kro.run/node-id": "gateway",
        "kro.run/instance-name": lb.name,
        "kro.run/instance-kind": "LoadBalancer",
        "app.kubernetes.io/managed-by": "kro",
      });
      expect(gateway.spec).toMatchObject({
        gatewayClassName: "eg",
        listeners: [{ hostname: "www.example.com", port: 80 }],
      });
      expect(route.metadata.labels?.["kro.run/node-id"]).toBe("route");
      expect(JSON.stringify(route.spec)).toContain('"value":"hello-kube-bind"');

      const admin = await kubeClient("provider");
      await waitFor("LoadBalancer state ACTIVE", async () => {
        const obj = await admin.get<Obj>({ ...LB, namespace: lb.ns, name: lb.name });
        return obj.status?.state === "ACTIVE";
      });
    } finally {
      await lb.cleanup();
    }
    expect(await childrenOf(lb.uid, "referencegrants", "v1beta1", "default")).toEqual([]);
  });

  it("gives same-named LoadBalancers of two namespaces a ReferenceGrant each in the shared target namespace", {
    timeout: 180_000,
  }, async () => {
    const name = `same-${randomBytes(3).toString("hex")}`;
    const a = await createLoadBalancer({ "custom-header": "a" }, name);
    const b = await createLoadBalancer({ "custom-header": "b" }, name);
    try {
      const admin = await kubeClient("provider");
      for (const lb of [a, b]) {
        const [grant] = await waitFor(`ReferenceGrant of ${lb.ns}/${lb.name}`, async () => {
          const items = await childrenOf(lb.uid, "referencegrants", "v1beta1", "default");
          return items.length ? items : undefined;
        });
        expect(grant?.spec?.from).toEqual([expect.objectContaining({ kind: "HTTPRoute", namespace: lb.ns })]);
        await waitFor(`${lb.ns}/${lb.name} ACTIVE`, async () => {
          const obj = await admin.get<Obj>({ ...LB, namespace: lb.ns, name: lb.name });
          return obj.status?.state === "ACTIVE";
        });
      }
    } finally {
      await a.cleanup();
    }
    // Deleting one leaves the other's grant in place.
    try {
      expect(await childrenOf(b.uid, "referencegrants", "v1beta1", "default")).toHaveLength(1);
    } finally {
      await b.cleanup();
    }
  });

  it("falls back to header value 'none' when the ConfigMap lacks custom-header", { timeout: 120_000 }, async () => {
    const lb = await createLoadBalancer({ unrelated: "x" });
    try {
      const route = await waitFor("HTTPRoute", async () => (await childrenOf(lb.uid, "httproutes", "v1", lb.ns))[0]);
      expect(JSON.stringify(route.spec)).toContain('"name":"X-Custom-Message","value":"none"');
      const admin = await kubeClient("provider");
      const obj = await admin.get<Obj>({ ...LB, namespace: lb.ns, name: lb.name });
      expect(obj.status?.state).not.toBe("ERROR");
    } finally {
      await lb.cleanup();
    }
  });
});
