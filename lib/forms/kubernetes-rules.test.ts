import { describe, expect, it } from "vitest";
import { configMapKey, dns1035Label, dns1123Label, dns1123Subdomain, hostname, port } from "./kubernetes-rules";

describe("Kubernetes rules", () => {
  it.each(["a", "my-lb", "a1", "1a", "a".repeat(63)])("DNS-1123 label %s is valid", (v) => {
    expect(dns1123Label(v)).toBeNull();
  });
  it.each(["", "-a", "a-", "A", "a_b", "a.b", "a".repeat(64)])("DNS-1123 label %j is not", (v) => {
    expect(dns1123Label(v)).not.toBeNull();
  });
  it("DNS-1035 labels start with a letter", () => {
    expect(dns1035Label("backend")).toBeNull();
    expect(dns1035Label("1backend")).toContain("must start with a letter");
  });
  it("DNS-1123 subdomains allow dots and 253 characters", () => {
    expect(dns1123Subdomain("my.config-1")).toBeNull();
    expect(dns1123Subdomain("a".repeat(254))).toContain("at most 253");
  });
  it.each(["www.example.com", "example", "a-b.c0.example.org"])("hostname %s is valid", (v) => {
    expect(hostname(v)).toBeNull();
  });
  it.each([
    ["www..example.com", "must be a hostname"],
    ["-www.example.com", "must be a hostname"],
    ["www.example.com.", "must be a hostname"],
    ["WWW.example.com", "Use lowercase letters only."],
    ["192.168.0.1", "not an IP address"],
    ["*.example.com", "must be a hostname"],
    [`${"a".repeat(64)}.com`, "longer than 63"],
  ])("hostname %s → %s", (v, message) => {
    expect(hostname(v)).toContain(message);
  });
  it("ports are 1 to 65535", () => {
    expect(port(1)).toBeNull();
    expect(port(65535)).toBeNull();
    expect(port(0)).toBe("The port must be a whole number from 1 to 65535 (got 0).");
    expect(port(70000)).toContain("got 70000");
    expect(port(80.5)).not.toBeNull();
  });
  it("ConfigMap keys", () => {
    expect(configMapKey("custom-header")).toBeNull();
    expect(configMapKey("a/b")).toContain("only letters, digits");
  });
});
