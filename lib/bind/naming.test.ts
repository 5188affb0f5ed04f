import { describe, expect, it } from "vitest";
import { bindingIdentityKey, isUserIdentity, providerNamespaceName } from "./naming";

describe("provider namespace names", () => {
  it("are deterministic, prefixed DNS labels", () => {
    const a = providerNamespaceName("kube-bind-", "user:alice@example.com");
    expect(a).toBe(providerNamespaceName("kube-bind-", "user:alice@example.com"));
    expect(a).toMatch(/^kube-bind-[0-9a-z]{1,13}$/);
    expect(a.length).toBeLessThanOrEqual(63);
  });

  it("differ per identity", () => {
    expect(providerNamespaceName("kube-bind-", "user:alice@example.com")).not.toBe(
      providerNamespaceName("kube-bind-", "user:bob@example.com"),
    );
  });
});

describe("binding identities", () => {
  it("are the cluster identity as the CLI sends it, or user:<name> without one", () => {
    expect(bindingIdentityKey("alice", "0b0c3f5e-2a7d-4c55-9d0e-7f1f2c3a4b5c")).toBe(
      "0b0c3f5e-2a7d-4c55-9d0e-7f1f2c3a4b5c",
    );
    expect(bindingIdentityKey("alice@example.com")).toBe("user:alice@example.com");
    expect(bindingIdentityKey("alice@example.com", "")).toBe("user:alice@example.com");
  });

  it("never let a cluster identity pass for a user's", () => {
    expect(() => bindingIdentityKey("bob@example.com", "user:alice@example.com")).toThrow(/may not start with user:/);
    expect(isUserIdentity("user:alice@example.com")).toBe(true);
    expect(isUserIdentity("0b0c3f5e-2a7d-4c55-9d0e-7f1f2c3a4b5c")).toBe(false);
  });
});
