import { describe, expect, it } from "vitest";
import { BindRequest, bindingProvider, EMPTY_BINDING_RESPONSE, encodeBindingResponse } from "./protocol";

function goUrlDecode(s: string) {
  // Go's base64.URLEncoding: URL alphabet, padding required.
  expect(s.length % 4).toBe(0);
  expect(s).toMatch(/^[A-Za-z0-9_-]*={0,2}$/);
  return JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
}

describe("binding_response encoding", () => {
  it("is base64url with padding of UTF-8 JSON, even for characters btoa cannot take", () => {
    for (const payload of [
      { name: "plain" },
      { name: "ünïcödé — ✓ 漢字 🚀" },
      { name: ">>>???~~~" },
      { a: "x" },
      { ab: "xy" },
    ]) {
      expect(goUrlDecode(encodeBindingResponse(payload))).toEqual(payload);
    }
  });

  it("reports errors with a decodable empty object", () => {
    expect(goUrlDecode(EMPTY_BINDING_RESPONSE)).toEqual({});
  });
});

describe("POST /api/bind body", () => {
  it("accepts the v0.6 shape", () => {
    expect(BindRequest.parse({ metadata: { name: "loadbalancer" }, templateRef: { name: "loadbalancer" } })).toEqual({
      name: "loadbalancer",
      template: "loadbalancer",
      clusterIdentity: undefined,
      prettyName: undefined,
      author: undefined,
    });
  });

  it("accepts the v0.7+ shape", () => {
    expect(
      BindRequest.parse({
        metadata: { name: "lb" },
        spec: { templateRef: { name: "loadbalancer" }, clusterIdentity: { identity: "uid-1" }, author: "cli" },
      }),
    ).toEqual({ name: "lb", template: "loadbalancer", clusterIdentity: "uid-1", prettyName: undefined, author: "cli" });
    expect(
      BindRequest.parse({
        metadata: { name: "lb" },
        spec: { templateRef: { name: "loadbalancer" }, clusterIdentity: { identity: "uid-1", prettyName: "kind" } },
      }),
    ).toMatchObject({ clusterIdentity: "uid-1", prettyName: "kind" });
  });

  it.each([
    [{ metadata: { name: "Bad_Name" }, templateRef: { name: "t" } }, /RFC 1123/],
    [{ metadata: { name: "a".repeat(64) }, templateRef: { name: "t" } }, /at most 63/],
    [{ metadata: { name: "" }, templateRef: { name: "t" } }, /required/],
    [{ metadata: { name: "ok" } }, /templateRef.name/],
    [
      {
        metadata: { name: "ok" },
        spec: { templateRef: { name: "t" }, clusterIdentity: { identity: "user:alice@example.com" } },
      },
      /may not start with user:/,
    ],
  ])("rejects %j", (body, message) => {
    const result = BindRequest.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toMatch(message);
  });
});

describe("BindingProvider", () => {
  it("builds authenticatedURL from the configured public URL", () => {
    const doc = bindingProvider("https://portal.example.com", new URLSearchParams("cluster_id=c1&other=x"));
    expect(doc).toMatchObject({ kind: "BindingProvider", apiVersion: "v1alpha2" });
    expect(doc.authenticationMethods[0].oauth2CodeGrant.authenticatedURL).toBe(
      "https://portal.example.com/api/authorize?cluster_id=c1",
    );
  });
});
