// The emulator inside a running sandbox (SANDBOX_STATE): status contract, proxy Service and data
// plane, directly and through a kro LoadBalancer. Polls with deadlines; never sleeps to sync.
import { afterAll, describe, expect, it } from "vitest";
import { type Condition, findCondition } from "../../../lib/k8s/condition";
import { isNotFound } from "../../../lib/k8s/errors";
import type { KubeObject } from "../../../lib/k8s/types";
import { waitFor } from "../../testing";
import {
  backendPort,
  client,
  create,
  echoThrough,
  gatewayBody,
  get,
  getGateway,
  grantFrom,
  gwRef,
  namespace,
  onCleanup,
  programmed,
  rand,
  routeBody,
  routeConditions,
  routeWhenResolvedRefs,
  runCleanups,
} from "./cluster-helpers";
import { CONTROLLER_NAMESPACE, envoyInfraName } from "./naming";

afterAll(runCleanups);

describe(`Envoy Gateway emulator in the sandbox`, () => {
  it("accepts the eg GatewayClass", async () => {
    const gc = await waitFor(
      "GatewayClass eg Accepted",
      async () => {
        const obj = await (await client()).get<KubeObject & { status?: { conditions?: Condition[] } }>(
          gwRef("gatewayclasses", "", "eg"),
        );
        return obj.status?.conditions?.find((c) => c.type === "Accepted" && c.status === "True");
      },
      { timeoutMs: 30_000 },
    );
    expect(gc.reason).toBe("Accepted");
  });

  it("programs a Gateway + HTTPRoute with a ReferenceGrant and proxies to the echo backend", async () => {
    const { name: ns } = await namespace("eg-direct");
    const host = `www.example-${rand()}.com`;
    const port = await backendPort();
    await grantFrom(ns);
    await create(ns, "gateways", gatewayBody("gw", host));
    await create(ns, "httproutes", routeBody("route", "gw", host, port, "hello-kube-bind"));

    const { gateway, svc, url } = await programmed(ns, "gw");
    expect(findCondition(gateway.status?.conditions, "Accepted")?.reason).toBe("Accepted");
    const address = gateway.status?.addresses?.[0];
    expect(address?.type).toBe("IPAddress");
    expect(new URL(url).hostname).toBe(address?.value);
    expect(svc.metadata.labels).toMatchObject({
      "app.kubernetes.io/name": "envoy",
      "app.kubernetes.io/component": "proxy",
      "app.kubernetes.io/managed-by": "envoy-gateway",
      "gateway.envoyproxy.io/owning-gateway-name": "gw",
      "gateway.envoyproxy.io/owning-gateway-namespace": ns,
    });
    expect(svc.spec?.type).toBe("LoadBalancer");
    expect(svc.status?.loadBalancer?.ingress?.[0]?.ip).toBe(address?.value);

    const conds = await routeWhenResolvedRefs(ns, "route", "route resolved", (c) => c?.status === "True");
    expect(findCondition(conds, "Accepted")?.status).toBe("True");
    await waitFor(
      "attachedRoutes 1",
      async () => (await getGateway(ns, "gw")).status?.listeners?.[0]?.attachedRoutes === 1,
    );

    const echoed = await echoThrough(url, host);
    expect(echoed.host).toBe(host);
    expect(echoed.headers["X-Custom-Message"]).toEqual(["hello-kube-bind"]);
    expect((await get(url, `nope-${host}`)).status).toBe(404);

    // The proxy Service goes with the Gateway.
    await (await client()).delete(gwRef("gateways", ns, "gw"));
    await waitFor(
      "proxy Service deleted",
      async () => {
        try {
          await (await client()).get({
            group: "",
            version: "v1",
            resource: "services",
            namespace: CONTROLLER_NAMESPACE,
            name: envoyInfraName(ns, "gw"),
          });
          return false;
        } catch (err) {
          return isNotFound(err);
        }
      },
      { timeoutMs: 30_000 },
    );
  });

  it.each([
    ["a line break", "hello\nkube-bind"],
    ["an emoji", "hello 👋"],
    ["U+202E", "abc\u202edef"],
  ])("rejects an HTTPRoute whose header value has %s, answers 500, and keeps serving", async (_, value) => {
    const { name: ns } = await namespace("eg-header");
    const host = `www.example-${rand()}.com`;
    const port = await backendPort();
    await grantFrom(ns);
    await create(ns, "gateways", gatewayBody("gw", host));
    await create(ns, "httproutes", routeBody("route", "gw", host, port, value));
    const { url } = await programmed(ns, "gw");

    const accepted = await waitFor(
      "the route's Accepted condition",
      async () => findCondition(await routeConditions(ns, "route"), "Accepted"),
      { timeoutMs: 30_000 },
    );
    expect(accepted).toMatchObject({ status: "False", reason: "UnsupportedValue" });
    // The route's only header is invalid, so Envoy Gateway reports that none is valid.
    expect(accepted.message).toContain(
      "RequestHeaderModifier Filter did not provide valid configuration to add/set/remove any headers",
    );
    const answer = await get(url, host);
    expect(answer.status).toBe(500);
    expect(answer.body).toContain(`a filter of HTTPRoute ${ns}/route is invalid`);

    // The emulator still serves: the same route with a valid value goes through to the echo backend.
    const ref = gwRef("httproutes", ns, "route");
    const current = await (await client()).get(ref);
    const fixed = routeBody("route", "gw", host, port, "fixed");
    await (await client()).update(ref, { ...fixed, metadata: current.metadata });
    expect((await echoThrough(url, host)).headers["X-Custom-Message"]).toEqual(["fixed"]);
  });

  it("reports RefNotPermitted without a ReferenceGrant and recovers when one appears", async () => {
    const { name: ns } = await namespace("eg-nogrant");
    const host = `www.example-${rand()}.com`;
    await create(ns, "gateways", gatewayBody("gw", host));
    await create(ns, "httproutes", routeBody("route", "gw", host, await backendPort(), "x"));
    const denied = await routeWhenResolvedRefs(ns, "route", "RefNotPermitted", (c) => c?.reason === "RefNotPermitted");
    expect(findCondition(denied, "ResolvedRefs")?.status).toBe("False");
    expect(findCondition(denied, "ResolvedRefs")?.message).toContain("not permitted by any ReferenceGrant");
    expect(findCondition(denied, "Accepted")?.status).toBe("True");
    const { url } = await programmed(ns, "gw");
    expect((await get(url, host)).status).toBe(500);

    await grantFrom(ns);
    await routeWhenResolvedRefs(ns, "route", "ResolvedRefs after the grant", (c) => c?.status === "True");
    expect((await echoThrough(url, host)).headers["X-Custom-Message"]).toEqual(["x"]);
  });

  it("serves a kro LoadBalancer end to end", async () => {
    const { name: ns } = await namespace("lb");
    const domain = `www.example-${rand()}.com`;
    const admin = await client();
    await admin.create(
      { group: "", version: "v1", resource: "configmaps", namespace: ns },
      { metadata: { name: "my-lb-config" }, data: { "custom-header": "hello-kube-bind" } },
    );
    const lb = {
      group: "networking.kro.run",
      version: "v1alpha1",
      namespace: ns,
      resource: "loadbalancers",
      name: "my-lb",
    };
    await admin.create(lb, {
      apiVersion: "networking.kro.run/v1alpha1",
      kind: "LoadBalancer",
      metadata: { name: "my-lb" },
      spec: {
        domain,
        configMapRef: "my-lb-config",
        targetService: "backend",
        targetServiceNamespace: "default",
        targetPort: 30080,
      },
    });
    // Delete the instance first so that kro removes its ReferenceGrant in `default`.
    onCleanup(() => admin.delete(lb));

    const status = await waitFor(
      "LoadBalancer ACTIVE with an address",
      async () => {
        const obj = await admin.get<
          KubeObject & { status?: { state?: string; address?: string; conditions?: Condition[] } }
        >(lb);
        const ready = obj.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";
        return obj.status?.state === "ACTIVE" && ready && obj.status.address ? obj.status : undefined;
      },
      { timeoutMs: 90_000 },
    );

    const { gateway, url } = await programmed(ns, "my-lb-gw");
    expect(status.address).toBe(gateway.status?.addresses?.[0]?.value);
    await routeWhenResolvedRefs(ns, "my-lb-route", "route resolved", (c) => c?.status === "True");
    const echoed = await echoThrough(url, domain);
    expect(echoed.host).toBe(domain);
    expect(echoed.headers["X-Custom-Message"]).toEqual(["hello-kube-bind"]);
  });
});
