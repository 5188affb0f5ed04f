import { describe, expect, it } from "vitest";
import { bindingIdentityKey, providerNamespaceName } from "./naming";

describe("provider namespace names", () => {
  it("are deterministic, prefixed DNS labels", () => {
    const a = providerNamespaceName("kube-bind-", "user:alice@example.com");
    expect(a).toBe(providerNamespaceName("kube-bind-", "user:alice@example.com"));
    expect(a).toMatch(/^kube-bind-[0-9a-z]{1,13}$/);
    expect(a.length).toBeLessThanOrEqual(63);
  });

  it("differ per identity, and a user key never equals a cluster key", () => {
    expect(providerNamespaceName("kube-bind-", "user:alice@example.com")).not.toBe(
      providerNamespaceName("kube-bind-", "user:bob@example.com"),
    );
    expect(bindingIdentityKey("x")).not.toBe(bindingIdentityKey("y", "x"));
    expect(bindingIdentityKey("alice", "uid-1")).toBe("cluster:uid-1");
  });
});
