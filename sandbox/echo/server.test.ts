import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalHeaderName, type EchoHandle, type EchoResponse, startEcho } from "./server";

let echo: EchoHandle;
beforeAll(async () => {
  echo = await startEcho();
});
afterAll(() => echo?.stop());

/** node:http rather than fetch, so the Host header and repeated headers go out as written. */
function get(
  path: string,
  headers: [string, string][],
): Promise<{ status: number; type?: string; body: EchoResponse }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: echo.port, path, method: "GET", headers: headers.flat() }, (res) => {
      let data = "";
      res.on("data", (c) => {
        data += c;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body: JSON.parse(data) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("echo backend", () => {
  it("canonicalises header names like Go", () => {
    expect(canonicalHeaderName("x-custom-message")).toBe("X-Custom-Message");
    expect(canonicalHeaderName("USER-AGENT")).toBe("User-Agent");
    expect(canonicalHeaderName("x-envoy-external-address")).toBe("X-Envoy-External-Address");
  });

  it("echoes the request like echo-basic", async () => {
    const res = await get("/headers?x=1", [
      ["Host", "www.example.com"],
      ["x-custom-message", "hello-kube-bind"],
      ["X-Multi", "a"],
      ["x-multi", "b"],
    ]);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/json");
    expect(res.body).toMatchObject({
      path: "/headers?x=1",
      host: "www.example.com",
      method: "GET",
      proto: "HTTP/1.1",
      namespace: "default",
      ingress: "",
      service: "",
    });
    expect(res.body.headers["X-Custom-Message"]).toEqual(["hello-kube-bind"]);
    expect(res.body.headers["X-Multi"]).toEqual(["a", "b"]);
    expect(res.body.headers.Host).toBeUndefined();
    expect(res.body.pod).toMatch(/^backend-[a-z0-9]{9}-[a-z0-9]{5}$/);
    const again = await get("/", [["Host", "x"]]);
    expect(again.body.pod).toBe(res.body.pod);
  });
});
