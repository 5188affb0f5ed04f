import { describe, expect, it } from "vitest";
import { defaultListRequest, encodeCursor, listSub } from "./list-page";
import { formatEventId, isProviderSub, type LiveSub, liveSub, parseEventId, parseSub } from "./live-protocol";
import { listRequestFromUrl, parseListQuery, SubsQuery } from "./subs-query";

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

  it("carries the list's page request, checked field by field on the server", () => {
    const after = { v: "lb-1", k: "default/lb-1" };
    const sub = listSub({ ...defaultListRequest, sort: "name", stage: "failed", q: "web", after });
    expect(sub).toBe(`lbs?sort=name&stage=failed&q=web&after=${encodeCursor(after)}`);
    expect(listSub(defaultListRequest)).toBe("lbs");
    expect(parseSub(sub)).toEqual({ kind: "list", query: sub.slice(4) });
    expect(parseListQuery(sub.slice(4))).toEqual({
      ok: true,
      data: { ...defaultListRequest, sort: "name", dir: "asc", stage: "failed", q: "web", after },
    });
    expect(SubsQuery.safeParse([sub, "dashboard"]).success).toBe(true);
    expect(parseEventId(`${sub}~abc123`)).toEqual(new Map([[sub, "abc123"]]));
  });

  it("refuses a bad page request naming the field and its rule", () => {
    const problems = (query: string) => {
      const parsed = SubsQuery.safeParse([`lbs?${query}`]);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(problems("sort=size")).toEqual(["lbs: sort must be one of name, namespace, status, created"]);
    expect(problems("dir=up")).toEqual(["lbs: dir must be asc or desc"]);
    expect(problems("stage=done")).toEqual(["lbs: stage must be all or a stage id (e.g. failed, ready)"]);
    expect(problems("limit=101")).toEqual(["lbs: limit must be a whole number from 1 to 100"]);
    expect(problems("limit=0")).toEqual(["lbs: limit must be a whole number from 1 to 100"]);
    expect(problems(`q=${"x".repeat(101)}`)).toEqual(["lbs: q must be at most 100 characters"]);
    expect(problems("after=nonsense!")).toEqual(["lbs: after must be a cursor the list gave (its next or prev)"]);
    expect(problems("page=2")).toEqual(["lbs: unknown field page"]);
    expect(problems("sort=name&sort=status")).toEqual(["lbs: sort is given more than once"]);
    const c = encodeCursor({ v: "", k: "a/b" });
    expect(problems(`after=${c}&before=${c}`)).toEqual(["lbs: after and before exclude each other"]);
  });

  it("reads a page URL leniently: a broken field is left at its default", () => {
    expect(listRequestFromUrl({ stage: "failed", sort: "bogus", q: ["a", "b"] })).toEqual({
      ...defaultListRequest,
      stage: "failed",
    });
    expect(listRequestFromUrl({ sort: "created" })).toMatchObject({ sort: "created", dir: "desc" });
    const c = encodeCursor({ v: "", k: "a/b" });
    const both = listRequestFromUrl({ after: c, before: c });
    expect(both.after).toEqual({ v: "", k: "a/b" });
    expect(both.before).toBeUndefined();
  });
});
