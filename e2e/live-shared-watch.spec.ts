// The SSE route's contract, and 20 viewers of the same page sharing ONE view and so ONE upstream
// watch per resource (the hub's read-only stats at /api/live/stats, exposed for tests only).
import { expect, test } from "@playwright/test";
import { type LiveSub, parseEventId } from "../lib/live-wire/live-protocol";
import { hubStats, liveStats, loadBalancerSpec, openLiveStream, type StreamStat, signInLive } from "./support/live";
import { LB } from "./support/loadbalancer";
import { user } from "./support/sandbox";

const NAME = "live-shared";
const SUB: LiveSub = `lb:default/${NAME}`;
const VIEWERS = 20;
const consumer = loadBalancerSpec(NAME, { create: true });

test("GET /api/live: 401 without a session, 400 for an unknown sub", async ({ playwright, page }) => {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.PORTAL_URL });
  const res = await anonymous.get(`/api/live?sub=${encodeURIComponent(SUB)}`);
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { status: 401, reason: "Unauthorized" } });
  expect((await anonymous.get("/api/live/stats")).status()).toBe(401);
  await anonymous.dispose();

  await signInLive(page, user("alice"), "/");
  const bad = await page.request.get("/api/live?sub=lb:Default/x&sub=dashboard");
  expect(bad.status()).toBe(400);
});

test("one stream per page: views with resumable ids, problems for what the user may not see", async ({ page }) => {
  await signInLive(page, user("alice"), "/");
  const a = await openLiveStream(page.context(), ["dashboard", SUB, "lb:team-b/not-hers"]);
  expect(a.res.headers.get("content-type")).toBe("text/event-stream");
  expect(await a.frames.next(10_000)).toEqual({ retry: "2000" });
  const frames = await a.frames.until((f) => f.event === "view" && f.data?.includes(`"sub":"${SUB}"`) === true, 30_000);
  const more = frames.some((f) => f.event === "problem")
    ? []
    : await a.frames.until((f) => f.event === "problem", 30_000);
  const problem = [...frames, ...more].find((f) => f.event === "problem");
  expect(JSON.parse(problem?.data ?? "{}")).toMatchObject({ sub: "lb:team-b/not-hers", error: { status: 403 } });
  const last = frames.filter((f) => f.event === "view").at(-1);
  const ids = parseEventId(last?.id);
  expect(ids.has(SUB)).toBe(true);
  a.close();

  // Resuming with that id: no view may repeat what the client already holds.
  const b = await openLiveStream(page.context(), ["dashboard", SUB], last?.id);
  const held = new Map(ids);
  await consumer().mergePatch(
    { ...LB, namespace: "default", name: NAME },
    { metadata: { labels: { touched: "yes" } } },
  );
  const resumed = await b.frames.until(
    (f) => f.view !== undefined && JSON.stringify(f.view).includes('"touched":"yes"'),
    30_000,
  );
  for (const f of resumed.filter((x) => x.view !== undefined)) {
    const sub = f.sub as LiveSub;
    const hash = parseEventId(f.id).get(sub);
    expect(hash, `a view of ${sub} the client already had was sent again`).not.toBe(held.get(sub));
    held.set(sub, hash ?? "");
  }
  b.close();
});

test(`${VIEWERS} viewers of one LoadBalancer share one view and one upstream watch per resource`, async ({ page }) => {
  test.setTimeout(120_000);
  await signInLive(page, user("alice"), "/");
  const context = page.context();
  // Leave the dashboard, and wait until no page holds any stream: a clean baseline.
  await page.goto("/catalog");
  await expect
    .poll(async () => (await hubStats(context)).filter((s) => s.subscribers > 0).map((s) => s.id), { timeout: 30_000 })
    .toEqual([]);
  const open = async () => {
    const s = await openLiveStream(context, [SUB]);
    await s.frames.until((f) => f.view !== undefined, 30_000);
    return s;
  };
  const baseline = await hubStats(context);
  const first = await open();
  const one = await hubStats(context);
  // The streams this page reads: those that gained a subscriber with the first viewer.
  const before = (id: string) => baseline.find((s) => s.id === id)?.subscribers ?? 0;
  const used = one.filter((s) => s.subscribers > before(s.id));
  expect(used.map((s) => s.id)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^consumer:networking\.kro\.run\/v1alpha1\/loadbalancers@default$/)]),
  );
  expect(used.some((s) => s.id.startsWith("provider:gateway.networking.k8s.io/v1/gateways@"))).toBe(true);

  const others = await Promise.all(Array.from({ length: VIEWERS - 1 }, open));
  const { streams: all, views } = await liveStats(context);
  // One shared view holds all of them (one user, one set of rights)...
  expect(views.filter((v) => v.sub === SUB)).toEqual([{ sub: SUB, viewers: VIEWERS }]);
  const byId = new Map(all.map((s) => [s.id, s]));
  for (const s of used) {
    const now = byId.get(s.id) as StreamStat;
    // ...and it is the streams' one subscriber: no new subscriber, upstream watch or list for the
    // 19 extra viewers.
    expect(now.subscribers, s.id).toBe(s.subscribers);
    expect(now.watchRequests, s.id).toBe(s.watchRequests);
    expect(now.lists, s.id).toBe(s.lists);
  }
  expect(all.filter((s) => !one.some((o) => o.id === s.id)).map((s) => s.id)).toEqual([]);

  // Closing the pages closes every subscription they held.
  for (const s of [first, ...others]) s.close();
  await expect
    .poll(
      async () => {
        const after = new Map((await hubStats(context)).map((s) => [s.id, s.subscribers]));
        return used.filter((s) => (after.get(s.id) ?? 0) !== before(s.id)).map((s) => s.id);
      },
      { timeout: 30_000 },
    )
    .toEqual([]);
});

test("the platform team's dashboard also lists every LoadBalancer on the provider, live", async ({ page }) => {
  await signInLive(page, user("admin"), "/");
  const provider = page.getByRole("region", { name: "Every LoadBalancer on the provider" });
  const row = provider.locator(`[data-row$="/${NAME}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText("binding kube-bind-");
  await expect(provider.getByRole("list", { name: "Provider LoadBalancers by stage" })).toBeVisible();
});
