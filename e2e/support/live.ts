// Helpers for the live-status specs (e2e/live-*.spec.ts): LoadBalancers made as alice with her
// own kubeconfig, Events to look for, and raw SSE connections to /api/live.

import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { KubeClient } from "../../lib/k8s/client";
import { ClusterConnection } from "../../lib/k8s/connection";
import { PORTAL } from "../../lib/k8s/types";
import { guideLoadBalancer, settingsConfigMap } from "../../test-support/guide";
import { frameReader } from "../../test-support/sse";
import { boundConsumer } from "./bind-consumer";
import { CM, LB, removeLoadBalancer } from "./loadbalancer";
import { sandbox } from "./sandbox";
import { signIn } from "./sign-in";

/** The shared sign-in (kept under this name for the live specs). */
export const signInLive = signIn;

/** The consumer as alice herself (her kubeconfig), as `kubectl` would act for her. */
export async function consumerAsAlice() {
  const path = sandbox().clusters.consumer.kubeconfigs.alice;
  return new KubeClient(await ClusterConnection.open({ name: "consumer", kubeconfig: path }), PORTAL);
}

/**
 * The guide's LoadBalancer and its settings ConfigMap, created directly on the consumer. The
 * ConfigMap comes second: kube-bind's konnector (v0.8.1) copies a referenced ConfigMap only on
 * events of the ConfigMap itself, so one created before its LoadBalancer may never be copied.
 */
export async function createLoadBalancer(
  client: KubeClient,
  name: string,
  o: { header?: string; namespace?: string; spec?: Record<string, unknown> } = {},
) {
  const namespace = o.namespace ?? "default";
  const lb = await client.create({ ...LB, namespace }, guideLoadBalancer(name, { spec: o.spec }));
  await client.create({ ...CM, namespace }, settingsConfigMap(`${name}-config`, o.header ?? "hello-kube-bind"));
  return lb;
}

/**
 * The hooks of a spec about one LoadBalancer `name` in default: the consumer is bound and the
 * name is free before the spec (created as alice when `create`), and removed after it. Returns
 * the consumer as its admin, once the spec has started.
 */
export function loadBalancerSpec(name: string, opts: { create?: boolean } = {}): () => KubeClient {
  let consumer: KubeClient | undefined;
  test.beforeAll(async ({ browser }) => {
    consumer = await boundConsumer(browser, 240_000);
    await removeLoadBalancer(consumer, name);
    if (opts.create) await createLoadBalancer(await consumerAsAlice(), name);
  });
  test.afterAll(async () => {
    test.setTimeout(240_000);
    if (consumer) await removeLoadBalancer(consumer, name);
  });
  return () => {
    if (!consumer) throw new Error("the consumer is known once the spec's beforeAll ran");
    return consumer;
  };
}

/** A core/v1 Event about `object`, with a message the test can look for exactly once. */
export async function recordEvent(
  client: KubeClient,
  object: { kind?: string; apiVersion?: string; metadata: { name: string; namespace?: string; uid?: string } },
  reason: string,
  message: string,
) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const namespace = object.metadata.namespace ?? "default";
  await client.create(
    { group: "", version: "v1", resource: "events", namespace },
    {
      apiVersion: "v1",
      kind: "Event",
      metadata: { generateName: `${object.metadata.name}.` },
      involvedObject: {
        kind: object.kind,
        apiVersion: object.apiVersion,
        name: object.metadata.name,
        namespace,
        uid: object.metadata.uid,
      },
      reason,
      message,
      type: "Normal",
      source: { component: "live-e2e" },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    },
  );
}

/** Marks the page's document; if it is still marked later, the page was never reloaded. */
export async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __liveMark: string }).__liveMark = "unreloaded";
  });
  return async () =>
    expect(await page.evaluate(() => (window as unknown as { __liveMark?: string }).__liveMark)).toBe("unreloaded");
}

/** Every stage of the detail page's timeline is done. */
export async function expectAllStagesDone(page: Page, timeout = 120_000) {
  const stages = page.getByRole("list", { name: "Provisioning stages" }).getByRole("listitem");
  await expect(stages).toHaveCount(7);
  await expect(page.locator('[data-stage][data-state="done"]')).toHaveCount(7, { timeout });
}

/** A raw SSE connection to /api/live with the browser context's session cookie. */
export async function openLiveStream(context: BrowserContext, subs: string[], lastEventId?: string) {
  const base = process.env.PORTAL_URL ?? "http://127.0.0.1:3100";
  const cookies = await context.cookies(base);
  const abort = new AbortController();
  const query = new URLSearchParams(subs.map((s) => ["sub", s]));
  const res = await fetch(`${base}/api/live?${query}`, {
    headers: {
      cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "),
      accept: "text/event-stream",
      ...(lastEventId ? { "last-event-id": lastEventId } : {}),
    },
    signal: abort.signal,
  });
  if (!res.body) throw new Error(`no body: ${res.status}`);
  return { res, frames: frameReader(res.body), close: () => abort.abort() };
}

export interface StreamStat {
  id: string;
  subscribers: number;
  watchRequests: number;
  lists: number;
  relists: number;
  health: string;
}

export async function hubStats(context: BrowserContext): Promise<StreamStat[]> {
  return (await liveStats(context)).streams;
}

/** The hub's streams and the shared views (sub, viewers) of the portal that answers. */
export async function liveStats(
  context: BrowserContext,
): Promise<{ streams: StreamStat[]; views: { sub: string; viewers: number }[] }> {
  const res = await context.request.get("/api/live/stats");
  expect(res.status()).toBe(200);
  return await res.json();
}
