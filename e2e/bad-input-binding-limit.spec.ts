// The per-user binding limit on the CLI's paths: bob, at the limit (PORTAL_MAX_BINDINGS_PER_USER,
// 5 by default), binds a new consumer cluster through the page `kubectl bind` opens and through
// POST /api/bind; both refuse naming the limit, the CLI is told access_denied, and nothing
// appears on the provider. Bob's extra bindings are namespaces annotated as kube-bind's backend
// annotates binding namespaces, named outside its prefix so no controller acts on them.
import { expect, test } from "@playwright/test";
import { APIS } from "../lib/k8s/apis";
import type { KubeClient } from "../lib/k8s/client";
import { cliCallback } from "./support/cli-callback";
import { providerAdmin } from "./support/provider";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

const NAMESPACES = APIS.namespaces;
const IDENTITY = "backend.kube-bind.io/identity";
const AUTHOR = "backend.kube-bind.io/author";
const LIMIT = 5;
const rand = Math.random().toString(36).slice(2, 8);
const bob = user("bob");
const created: string[] = [];
let admin: KubeClient;

const ownedByBob = async () =>
  (await admin.list(NAMESPACES)).items.filter(
    (n) =>
      n.metadata.annotations?.[IDENTITY] &&
      n.metadata.annotations?.[AUTHOR] === bob.email &&
      !n.metadata.deletionTimestamp,
  );
const withIdentity = async (identity: string) =>
  (await admin.list(NAMESPACES)).items.filter((n) => n.metadata.annotations?.[IDENTITY] === identity);

test.beforeAll(async () => {
  admin = await providerAdmin();
  for (let i = (await ownedByBob()).length; i < LIMIT; i++) {
    const name = `limit-e2e-${rand}-${i}`;
    await admin.create(NAMESPACES, {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, annotations: { [IDENTITY]: `limit-e2e-${rand}-${i}`, [AUTHOR]: bob.email } },
    });
    created.push(name);
  }
  expect((await ownedByBob()).length).toBeGreaterThanOrEqual(LIMIT);
});

test.afterAll(async () => {
  for (const name of created) await admin.delete({ ...NAMESPACES, name }).catch(() => undefined);
});

test("at the limit, the page kubectl bind opens refuses naming the limit and tells the CLI access_denied", async ({
  page,
}) => {
  const identity = `limit-e2e-${rand}-new-cluster`;
  const cb = await cliCallback();
  try {
    const q = new URLSearchParams({ session_id: "LIMITSESSION", redirect_url: cb.url, consumer_id: identity });
    await signIn(page, bob, `/?${q}`);
    await page.getByRole("button", { name: "Allow and bind" }).click();
    await expect(page.getByText(`the most one user may have (PORTAL_MAX_BINDINGS_PER_USER=${LIMIT})`)).toBeVisible();
    const received = cb.next();
    await page.getByRole("link", { name: "Tell kubectl bind and close this page" }).click();
    const query = await received;
    expect(query.get("error")).toBe("access_denied");
    expect(query.get("error_description")).toContain(`PORTAL_MAX_BINDINGS_PER_USER=${LIMIT}`);
    expect(await withIdentity(identity)).toEqual([]);
  } finally {
    await cb.close();
  }
});

test("at the limit, POST /api/bind answers 403 naming the limit and creates nothing", async ({ page }) => {
  const identity = `limit-e2e-${rand}-api-cluster`;
  await signIn(page, bob, "/catalog");
  const res = await page.request.post(`/api/bind?consumer_id=${identity}`, {
    data: { metadata: { name: "loadbalancer" }, spec: { templateRef: { name: "loadbalancer" } } },
  });
  expect(res.status()).toBe(403);
  const body = await res.json();
  expect(body).toMatchObject({ kind: "Error", code: "AUTHORIZATION_FAILED" });
  expect(body.message).toContain(`PORTAL_MAX_BINDINGS_PER_USER=${LIMIT}`);
  expect(await withIdentity(identity)).toEqual([]);
});
