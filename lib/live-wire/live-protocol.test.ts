import { describe, expect, it } from "vitest";
import { formatEventId, isProviderSub, type LiveSub, liveSub, parseEventId, parseSub } from "./live-protocol";
import { SubsQuery } from "./subs-query";

describe("live subs", () => {
  it("parses every kind, the provider console's included", () => {
    expect(parseSub("dashboard")).toEqual({ kind: "dashboard" });
    expect(parseSub("lb:default/my-lb")).toEqual({ kind: "loadBalancer", namespace: "default", name: "my-lb" });
    expect(parseSub(liveSub.provider)).toEqual({ kind: "provider" });
    expect(parseSub(liveSub.providerConsumer("kube-bind-a4m2k"))).toEqual({
      kind: "providerConsumer",
      namespace: "kube-bind-a4m2k",
    });
  });

  it("refuses provider subs that name no namespace", () => {
    for (const bad of ["provider:", "provider:Kube-Bind", "provider:a/b", "providers", `provider:${"x".repeat(64)}`])
      expect(parseSub(bad), bad).toBeUndefined();
    expect(SubsQuery.safeParse(["provider", "provider:UPPER"]).success).toBe(false);
  });

  it("tells the console's subs apart, which only platform admins may open", () => {
    expect(
      ["dashboard", "lb:default/x", "provider", "provider:kube-bind-x"].map((s) => isProviderSub(parseSub(s))),
    ).toEqual([false, false, true, true]);
  });

  it("resume ids carry provider subs like any other", () => {
    const subs: LiveSub[] = ["provider", "provider:kube-bind-x"];
    const id = formatEventId(subs, new Map(subs.map((s) => [s, "abc123"])));
    expect(id).toBe("provider~abc123|provider:kube-bind-x~abc123");
    expect(parseEventId(id)).toEqual(new Map(subs.map((s) => [s, "abc123"])));
  });
});
