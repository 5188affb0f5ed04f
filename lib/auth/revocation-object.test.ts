import { describe, expect, it } from "vitest";
import { readRevocation, revocationName, revocationObject } from "./revocation-object";

describe("revocation objects", () => {
  it("are named by a hash of the session id, a valid ConfigMap name that does not reveal it", () => {
    const name = revocationName("Some_sid-with/odd:chars");
    expect(name).toMatch(/^revoked-session-[0-9a-f]{40}$/);
    expect(name).not.toContain("sid");
    expect(revocationName("a")).not.toBe(revocationName("b"));
    expect(revocationName("a")).toBe(revocationName("a"));
  });

  it("round-trip their expiry and ignore other ConfigMaps", () => {
    const at = new Date("2030-01-02T03:04:05.000Z");
    const obj = revocationObject("sid-1", "kube-bind-portal", at);
    expect(readRevocation(obj)).toEqual({ name: revocationName("sid-1"), expiresAt: at.getTime() });
    expect(readRevocation({ ...obj, metadata: { ...obj.metadata, labels: {} } })).toBeNull();
    expect(readRevocation({ ...obj, data: { expiresAt: "soon" } })).toBeNull();
    expect(readRevocation({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" } })).toBeNull();
  });
});
