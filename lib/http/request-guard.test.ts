import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, actionBodyProblem, actionHeadersProblem, malformedPath } from "./request-guard";
import { badPageParam } from "./route-params";

const action = (h: Record<string, string>) =>
  new Headers({ host: "portal.example", origin: "http://portal.example", "content-length": "2", ...h });
const post = (body: string | FormData, type?: string) =>
  new Request("http://portal.example/", { method: "POST", body, headers: type ? { "content-type": type } : {} });

describe("paths", () => {
  it("refuses percent-encoding that does not decode, and only that", () => {
    expect(malformedPath("/loadbalancers/%E0%A4%A")?.status).toBe(400);
    expect(malformedPath("/apis/%ZZ/v1/x")?.status).toBe(400);
    expect(malformedPath("/catalog/a%20b")).toBeNull();
  });

  it("answers 404 for page segments that are no Kubernetes name, naming the rule", () => {
    expect(badPageParam("/catalog/%2F")).toMatch(/name/i);
    expect(badPageParam(`/catalog/${"a".repeat(254)}`)).toMatch(/253/);
    expect(badPageParam("/loadbalancers/Default/web")).not.toBeNull();
    expect(badPageParam("/apis/networking.kro.run/v1alpha1/%2e%2e")).not.toBeNull();
    expect(badPageParam("/provider/consumers/%E0%A4%A")).toMatch(/percent-encoding/);
    expect(badPageParam("/loadbalancers/default/web")).toBeNull();
    expect(badPageParam("/apis/networking.kro.run/v1alpha1/loadbalancers")).toBeNull();
    expect(badPageParam("/loadbalancers/new")).toBeNull();
  });
});

describe("server-action calls", () => {
  it("accept a length and React's content types", () => {
    expect(actionHeadersProblem(action({ "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    expect(actionHeadersProblem(action({ "content-type": "multipart/form-data; boundary=x" }))).toBeNull();
  });

  it("refuse no length (411), too large (413), other types (415)", () => {
    const t = { "content-type": "text/plain" };
    const noLength = action(t);
    noLength.delete("content-length");
    expect(actionHeadersProblem(noLength)?.status).toBe(411);
    const big = actionHeadersProblem(action({ ...t, "content-length": String(ACTION_BODY_LIMIT + 1) }));
    expect(big?.status).toBe(413);
    expect(big?.message).toContain("larger than 2 MiB");
    expect(actionHeadersProblem(action({ "content-type": "application/json" }))?.status).toBe(415);
  });

  it("read the arguments as React sends them: a JSON array, inline or in multipart field 0", async () => {
    expect(await actionBodyProblem(post('[{"a":1}]', "text/plain"))).toBeNull();
    const form = new FormData();
    form.set("0", "[1]");
    expect(await actionBodyProblem(post(form))).toBeNull();
    expect((await actionBodyProblem(post('[{"a":', "text/plain")))?.status).toBe(400);
    expect((await actionBodyProblem(post('{"a":1}', "text/plain")))?.status).toBe(400);
    expect((await actionBodyProblem(post("garbage", "multipart/form-data; boundary=x")))?.status).toBe(400);
  });
});
