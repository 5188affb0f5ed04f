import { describe, expect, it } from "vitest";
import { envoyInfraName, proxyLabels, proxyPortName, proxyTargetPort } from "./naming";

describe("envoyInfraName", () => {
  it("matches the reference's worked examples", () => {
    expect(envoyInfraName("default", "eg")).toBe("envoy-default-eg-e41e7b31");
    expect(envoyInfraName("team-a", "shop-gw")).toBe("envoy-team-a-shop-gw-699147cf");
  });

  it("cuts the readable part to 48 characters and drops one trailing dash", () => {
    const ns = "kube-bind-wz2g5-default-with-a-long-suffix"; // 42 chars
    const name = envoyInfraName(ns, "my-lb-gw"); // base 51 chars → cut
    expect(name).toMatch(/^envoy-kube-bind-wz2g5-default-with-a-long-suffix-my-lb-[0-9a-f]{8}$/);
    expect(name.length).toBeLessThanOrEqual(63);

    // Character 48 is a dash: exactly one is removed.
    const ns2 = "a".repeat(46);
    expect(envoyInfraName(ns2, "b-c")).toMatch(new RegExp(`^envoy-${"a".repeat(46)}-b-[0-9a-f]{8}$`));
    const ns3 = "a".repeat(47);
    expect(envoyInfraName(ns3, "bc")).toMatch(new RegExp(`^envoy-${"a".repeat(47)}-[0-9a-f]{8}$`));
  });

  it("hashes the full key, so long names that share a prefix differ", () => {
    const a = envoyInfraName("n".repeat(50), "gw-one");
    const b = envoyInfraName("n".repeat(50), "gw-two");
    expect(a.slice(0, -8)).toBe(b.slice(0, -8));
    expect(a).not.toBe(b);
  });
});

describe("proxy labels and ports", () => {
  it("carries the owning-gateway labels", () => {
    expect(proxyLabels("team-a", "shop-gw")).toEqual({
      "app.kubernetes.io/name": "envoy",
      "app.kubernetes.io/component": "proxy",
      "app.kubernetes.io/managed-by": "envoy-gateway",
      "gateway.envoyproxy.io/owning-gateway-name": "shop-gw",
      "gateway.envoyproxy.io/owning-gateway-namespace": "team-a",
    });
  });

  it("names and shifts ports like Envoy Gateway", () => {
    expect(proxyPortName(80)).toBe("http-80");
    expect(proxyTargetPort(80)).toBe(10080);
    expect(proxyTargetPort(8080)).toBe(8080);
  });
});
