// A busy apiserver's 429 with Retry-After is asked again (the request was not processed), a few
// times; a 429 without Retry-After, or one that lasts, reaches the caller as TooManyRequests.
// Against a small local HTTP server that answers as the apiserver does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KubeClient } from "./client";
import { ClusterConnection } from "./connection";
import { RETRIES_ON_429 } from "./request";
import { PORTAL } from "./types";

const configmaps = { group: "", version: "v1", resource: "configmaps", namespace: "default" };
const busy = {
  kind: "Status",
  apiVersion: "v1",
  status: "Failure",
  message: "storage is (re)initializing",
  reason: "TooManyRequests",
  code: 429,
};

/** Answers 429 `busyFor` times per path (with Retry-After unless `bare`), then an empty list. */
let busyFor = 0;
let bare = false;
const seen = new Map<string, number>();
let server: Server;
let client: KubeClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    const key = `${req.method} ${req.url}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= busyFor) {
      res.writeHead(429, { "content-type": "application/json", ...(bare ? {} : { "retry-after": "0" }) });
      res.end(JSON.stringify(busy));
      return;
    }
    res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" });
    res.end(
      JSON.stringify(req.method === "POST" ? { metadata: { name: "made" } } : { kind: "ConfigMapList", items: [] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: "http://127.0.0.1:${port}" } }]
users: [{ name: u, user: { token: t } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`;
  client = new KubeClient(ClusterConnection.fromKubeconfig("consumer", kubeconfig), PORTAL);
});

afterAll(async () => {
  await client.conn.close();
  await new Promise((resolve) => server.close(resolve));
});

describe("429 from the apiserver", () => {
  it("asks again after Retry-After, for reads and writes alike", async () => {
    seen.clear();
    busyFor = 2;
    bare = false;
    await expect(client.list(configmaps)).resolves.toMatchObject({ items: [] });
    await expect(client.create(configmaps, { metadata: { name: "made" } })).resolves.toMatchObject({
      metadata: { name: "made" },
    });
    expect([...seen.values()]).toEqual([3, 3]);
  });

  it("gives up after a few tries, and at once without Retry-After", async () => {
    seen.clear();
    busyFor = 100;
    await expect(client.list(configmaps)).rejects.toMatchObject({ status: 429, reason: "TooManyRequests" });
    expect([...seen.values()]).toEqual([RETRIES_ON_429]);
    seen.clear();
    bare = true;
    await expect(client.list(configmaps)).rejects.toMatchObject({ status: 429 });
    expect([...seen.values()]).toEqual([1]);
  });
});
