import { describe, expect, it } from "vitest";
import { isInternalAddress, trafficTarget } from "./traffic-target";

const gateway = (addresses: { type?: string; value: string }[], ports = [80]) => ({
  spec: { listeners: ports.map((port) => ({ protocol: "HTTP", port })) },
  status: { addresses },
});
const service = (ip: string, annotation?: string) => ({
  metadata: { annotations: annotation ? { "sandbox.kube-bind.io/data-plane-url": annotation } : {} },
  status: { loadBalancer: { ingress: [{ ip }] } },
});

describe("trafficTarget", () => {
  it("prefers the Gateway address with its HTTP listener port, the annotation only as a fallback", () => {
    const t = trafficTarget(
      gateway([{ type: "IPAddress", value: "127.0.1.3" }], [8080, 80]),
      service("127.0.1.3", "http://127.0.1.3:80"),
    );
    expect(t).toEqual({ ok: true, urls: ["http://127.0.1.3:80/"], address: "127.0.1.3", port: 80 });
    const fallback = trafficTarget(gateway([{ value: "127.0.0.1" }]), service("127.0.0.1", "http://127.0.0.1:41234"));
    expect(fallback.ok && fallback.urls).toEqual(["http://127.0.0.1:80/", "http://127.0.0.1:41234/"]);
  });

  it("never follows an annotation to an address the Gateway does not report", () => {
    const t = trafficTarget(gateway([{ value: "10.1.2.3" }]), service("10.1.2.3", "http://169.254.169.254/latest"));
    expect(t.ok && t.urls).toEqual(["http://10.1.2.3:80/"]);
  });

  it("refuses public, link-local and host-name addresses", () => {
    expect(trafficTarget(gateway([{ value: "8.8.8.8" }]), undefined).ok).toBe(false);
    expect(trafficTarget(gateway([{ value: "169.254.169.254" }]), undefined).ok).toBe(false);
    expect(trafficTarget(gateway([{ type: "Hostname", value: "lb.example.com" }]), undefined).ok).toBe(false);
    expect(trafficTarget(gateway([]), undefined)).toEqual({ ok: false, reason: "The Gateway has no address yet." });
    expect(trafficTarget(undefined, undefined).ok).toBe(false);
  });

  it("knows loopback and private ranges", () => {
    for (const a of ["127.0.0.1", "10.0.0.7", "172.16.0.1", "172.31.255.255", "192.168.1.1", "::1", "fd00::1"])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of [
      "172.32.0.1",
      "11.0.0.1",
      "169.254.1.1",
      "fe80::1",
      "2001:db8::1",
      "localhost",
      "127.0.0.1.nip.io",
    ])
      expect(isInternalAddress(a), a).toBe(false);
  });
});
