// Cluster test (SANDBOX_STATE): the list's live view is one page of the user's LoadBalancers, not
// all of them. 120 test LoadBalancers: the first page holds 100 with the total and a cursor to the
// next, which holds the other 20; a change to one row travels as a patch of that row; the overview
// counts them without carrying them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix } from "../../test-support/k8s";
import { type LiveWorld, openSubscriptions, ref, startLiveWorld, TEST_API } from "../../test-support/live";
import { eventually } from "../../test-support/watch";
import { KubeClient } from "../k8s/client";
import { asUser } from "../k8s/types";
import { decodeCursor, defaultListRequest, type ListRequest, PAGE_SIZE } from "../live-wire/list-page";
import { diffView, type EncodedView, encodeView } from "../live-wire/view-patch";
import { subscribeDashboard, subscribeList } from "./dashboard";
import type { DashboardView, ListView, LiveUpdate } from "./types";

const alice = { user: "alice@example.com", groups: ["team-a"] };
const prefix = `lp-${randomSuffix()}-`;
const COUNT = 120;
const names = Array.from({ length: COUNT }, (_, i) => `${prefix}${String(i).padStart(3, "0")}`);
let world: LiveWorld;
const { keep, closeAll } = openSubscriptions();

function views<V>() {
  const encoded: EncodedView[] = [];
  return {
    encoded,
    onUpdate: (u: LiveUpdate<V>) => {
      if (u.type === "view") encoded.push(u.encoded ?? encodeView(u.view as Record<string, unknown>));
    },
    latest: () => encoded.at(-1)?.view as V | undefined,
  };
}

const request = (r: Partial<ListRequest> = {}): ListRequest => ({
  ...defaultListRequest,
  q: prefix,
  sort: "name",
  ...r,
});

beforeAll(async () => {
  world = await startLiveWorld();
  const asAlice = new KubeClient(world.consumerPortal.conn, asUser(alice.user, alice.groups));
  for (let i = 0; i < COUNT; i += 20)
    await Promise.all(
      names.slice(i, i + 20).map((name) =>
        asAlice.create(ref(TEST_API, "default"), {
          apiVersion: `${TEST_API.group}/${TEST_API.version}`,
          kind: "LoadBalancer",
          metadata: { name },
          spec: {
            domain: `${name}.example.com`,
            targetService: "backend",
            targetServiceNamespace: "default",
            targetPort: 30080,
          },
        }),
      ),
    );
}, 120_000);

afterAll(async () => {
  closeAll();
  await Promise.all(names.map((n) => world.consumerAdmin.delete(ref(TEST_API, "default", n)).catch(() => undefined)));
  await world.close();
});

describe("the list's live pages", () => {
  it("sends a page of 100 of the 120 with a cursor to the rest, and a one-row change as a small patch", async () => {
    const ctx = world.context();
    const first = views<ListView>();
    keep(await subscribeList(alice, request(), first.onUpdate, ctx));
    const page = await eventually("the first page of all 120", () => {
      const v = first.latest();
      return v?.total === COUNT ? v : undefined;
    });
    expect(page.rows.map((r) => r.name)).toEqual(names.slice(0, PAGE_SIZE));
    expect(page).toMatchObject({ offset: 0, prev: undefined });
    expect(page.all).toBeGreaterThanOrEqual(COUNT);

    const second = views<ListView>();
    keep(await subscribeList(alice, request({ after: decodeCursor(page.next ?? "") }), second.onUpdate, ctx));
    const rest = await eventually("the second page", () => second.latest());
    expect(rest.rows.map((r) => r.name)).toEqual(names.slice(PAGE_SIZE));
    expect(rest).toMatchObject({ offset: PAGE_SIZE, total: COUNT, next: undefined });
    expect(rest.prev).toBeDefined();

    // One row on the first page changes: the patch from the view before is that row, not the page.
    const before = first.encoded.length;
    const changed = names[42];
    await world.consumerAdmin.mergePatch(ref(TEST_API, "default", changed), {
      spec: { domain: `${changed}.changed.example.com` },
    });
    const after = await eventually("the change on the first page", () =>
      first.encoded.slice(before).find((e) => e.json.includes(`${changed}.changed.example.com`)),
    );
    const previous = first.encoded[first.encoded.indexOf(after) - 1];
    const patch = diffView(previous, after);
    expect(patch.lists.rows?.update.map((r) => (r as { name: string }).name)).toEqual([changed]);
    expect(JSON.stringify(patch).length).toBeLessThan(4 * 1024);
    // The second page did not hold that row: nothing of it reached that view.
    expect(second.encoded.some((e) => e.json.includes(`${changed}.changed`))).toBe(false);
  });

  it("counts them on the overview without carrying them", async () => {
    const overview = views<DashboardView>();
    keep(await subscribeDashboard(alice, overview.onUpdate, world.context()));
    const view = await eventually("the overview counting all 120", () => {
      const v = overview.latest();
      return v && v.total >= COUNT ? v : undefined;
    });
    expect(Object.values(view.counts).reduce((a, b) => a + b, 0)).toBe(view.total);
    expect(view.recent.length).toBeLessThanOrEqual(5);
    const json = overview.encoded.at(-1)?.json ?? "";
    expect(names.filter((n) => json.includes(`"${n}"`)).length).toBeLessThanOrEqual(5);
  });
});
