// Sign-out recorded in the provider cluster and honoured by every replica: three stores, each
// with its own watch hub and connection (as three portal processes have), on the running sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import type { KubeClient } from "../k8s/client";
import { KubeError } from "../k8s/errors";
import { WatchHub } from "../k8s/watch-hub";
import { revocationName, revocationObject } from "./revocation-object";
import { RevocationStore } from "./revocations";

const NS = "kube-bind-portal";
const CONFIGMAPS = { group: "", version: "v1", resource: "configmaps", namespace: NS };
let portal: KubeClient;
let admin: KubeClient;
const stores: RevocationStore[] = [];
const sids: string[] = [];

function replica(now?: () => number) {
  const hub = new WatchHub({ connect: async () => (await sandboxClient("provider", "portal")).conn });
  const store = new RevocationStore({ hub, client: () => sandboxClient("provider", "portal"), namespace: NS, now });
  stores.push(store);
  return store;
}

function newSid() {
  const sid = `test-${randomSuffix()}-${randomSuffix()}`;
  sids.push(sid);
  return sid;
}

beforeAll(async () => {
  portal = await sandboxClient("provider", "portal");
  admin = await sandboxClient("provider", "admin");
});

afterAll(async () => {
  for (const s of stores) s.stop();
  for (const sid of sids) await admin.delete({ ...CONFIGMAPS, name: revocationName(sid) }).catch(() => {});
});

describe("session revocations in the provider cluster", () => {
  it("a sign-out on one replica is honoured by two others within a second", async () => {
    const [a, b, c] = [replica(), replica(), replica()];
    const sid = newSid();
    const other = newSid();
    // Every replica has listed (and so is watching) before the sign-out.
    for (const r of [a, b, c]) expect(await r.isRevoked(sid)).toBe(false);
    await a.revoke(sid, new Date(Date.now() + 60_000));
    expect(await a.isRevoked(sid)).toBe(true);
    for (const r of [b, c]) await expect.poll(() => r.isRevoked(sid), { timeout: 1_000, interval: 20 }).toBe(true);
    for (const r of [a, b, c]) expect(await r.isRevoked(other)).toBe(false);
  });

  it("a replica that starts after the sign-out knows it, and revoking twice is harmless", async () => {
    const sid = newSid();
    await replica().revoke(sid, new Date(Date.now() + 60_000));
    await replica().revoke(sid, new Date(Date.now() + 60_000));
    expect(await replica().isRevoked(sid)).toBe(true);
  });

  it("an expired revocation no longer counts and is garbage-collected", async () => {
    const sid = newSid();
    await portal.create(CONFIGMAPS, revocationObject(sid, NS, new Date(Date.now() - 1_000)));
    const store = replica();
    expect(await store.isRevoked(sid)).toBe(false);
    expect(await store.collectGarbage()).toBeGreaterThanOrEqual(1);
    const gone = await admin.get({ ...CONFIGMAPS, name: revocationName(sid) }).catch((e: KubeError) => e);
    expect(gone).toBeInstanceOf(KubeError);
    expect((gone as KubeError).status).toBe(404);
  });

  it("the portal's identity may write revocation records only, and only in its namespace", async () => {
    const plain = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `settings-${randomSuffix()}` }, data: {} };
    const refused = await portal.create(CONFIGMAPS, plain).catch((e: KubeError) => e);
    expect(refused).toBeInstanceOf(KubeError);
    expect((refused as KubeError).message).toMatch(/revoked-session-\*/);
    const elsewhere = await portal
      .create({ ...CONFIGMAPS, namespace: "default" }, revocationObject(newSid(), "default", new Date()))
      .catch((e: KubeError) => e);
    expect(elsewhere).toBeInstanceOf(KubeError);
    expect((elsewhere as KubeError).status).toBe(403);
  });
});
