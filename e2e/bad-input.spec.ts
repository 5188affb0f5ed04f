import { expect, test } from "@playwright/test";
import { type RawResponse, rawRequest, serverActions } from "./support/raw-http";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

// Bad input never makes the portal fail (≥ 500): every route handler, every page with dynamic
// segments and every server action, signed in as a platform admin (who gets furthest), answers
// a clear 4xx, or, for a server action, its own refusal ({ok: false, …}) that the form shows.

const base = process.env.PORTAL_URL ?? "http://127.0.0.1:3100";
const FOREIGN = "http://evil.example";
const LONG = "a".repeat(300);
/** Names a browser or a client may send in a path segment or a field. */
const NAMES = [".", "..", "%2e%2e", "%2F", "a%2Fb", LONG];
/** Percent-encoding that does not decode. */
const MALFORMED = ["%E0%A4%A", "%ZZ", "%"];
const OVER_1MIB = 1024 * 1024 + 200 * 1024;

let cookie = "";

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, user("admin"), "/catalog");
  cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await page.close();
});

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return rawRequest(base, { ...opts, path, headers: { cookie, origin: base, ...opts.headers } });
}

// Each dynamic segment of each page, filled with bad names and bad percent-encoding.
const PAGES: ((bad: string) => string)[] = [
  (b) => `/catalog/${b}`,
  (b) => `/loadbalancers/${b}/web`,
  (b) => `/loadbalancers/default/${b}`,
  (b) => `/loadbalancers/${b}`,
  (b) => `/apis/${b}/v1alpha1/loadbalancers`,
  (b) => `/apis/networking.kro.run/${b}/loadbalancers`,
  (b) => `/apis/networking.kro.run/v1alpha1/${b}`,
  (b) => `/provider/consumers/${b}`,
  (b) => `/${b}`,
];

/** Whether URL rules turn `path` into another one (dot segments): the router serves that instead. */
function normalises(path: string) {
  return new URL(path, base).pathname !== path;
}

test("pages with a bad name or bad percent-encoding in a segment answer 4xx", async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const page of PAGES) {
    for (const bad of [...NAMES, ...MALFORMED]) {
      const path = page(bad);
      const res = await send(path, { headers: { accept: "text/html" } });
      // `/catalog/..` is `/`: no page ever sees the name, it must just not fail.
      const ok = normalises(path) ? res.status < 500 : res.status >= 400 && res.status < 500;
      if (!ok) failures.push(`GET ${path.slice(0, 80)} → ${res.status}`);
      if (!normalises(path)) {
        checked++;
        if (!/nothing at this address|malformed percent-encoding/.test(res.body))
          failures.push(`GET ${path.slice(0, 80)} has no plain message: ${res.body.slice(0, 80)}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});

// Every route handler (app/**/route.ts, pages/api/) with bad query values, bodies and content types.
interface RouteCase {
  what: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** the route reads no query: it may answer normally, but never fail */
  ignored?: true;
}
const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data; boundary=xyz";
const BIND_BODY = JSON.stringify({ template: "loadbalancer", name: "x" });
/** A POST with this content type and body. */
const post = (what: string, path: string, contentType: string, body: string): RouteCase => ({
  what,
  method: "POST",
  path,
  headers: { "content-type": contentType },
  body,
});
const ROUTES: RouteCase[] = [
  { what: "templates, bad encoding", method: "GET", path: "/api/templates?x=%ZZ", ignored: true },
  { what: "collections, bad encoding", method: "GET", path: "/api/collections?%E0%A4%A", ignored: true },
  { what: "exports, bad encoding", method: "GET", path: "/api/exports?%ZZ=1", ignored: true },
  { what: "/exports, bad encoding", method: "GET", path: "/exports?%ZZ", ignored: true },
  { what: "bindable-resources, bad encoding", method: "GET", path: "/api/bindable-resources?%ZZ", ignored: true },
  { what: "ping, bad encoding", method: "GET", path: "/api/ping?%ZZ", ignored: true },
  { what: "healthz, bad encoding", method: "GET", path: "/api/healthz?%ZZ", ignored: true },
  { what: "live stats, bad encoding", method: "GET", path: "/api/live/stats?%ZZ", ignored: true },
  { what: "live, unknown sub", method: "GET", path: "/api/live?sub=nothing" },
  { what: "live, sub with ..", method: "GET", path: "/api/live?sub=lb:../.." },
  { what: "live, sub with %2e%2e", method: "GET", path: "/api/live?sub=lb:%2e%2e/%2e%2e" },
  { what: "live, sub with bad encoding", method: "GET", path: "/api/live?sub=lb:%E0%A4%A/x" },
  { what: "live, over-long sub", method: "GET", path: `/api/live?sub=lb:default/${LONG}` },
  { what: "live, provider sub ..", method: "GET", path: "/api/live?sub=provider:.." },
  post("live, POST", "/api/live?sub=dashboard", JSON_TYPE, JSON.stringify({ sub: "x".repeat(OVER_1MIB) })),
  { what: "live, DELETE", method: "DELETE", path: "/api/live?sub=dashboard" },
  { what: "callback, forged state", method: "GET", path: "/api/callback?state=garbage&code=x" },
  { what: "callback, bad encoding", method: "GET", path: "/api/callback?state=%ZZ&code=%E0%A4%A" },
  { what: "callback, no query", method: "GET", path: "/api/callback" },
  { what: "authorize, bad redirect", method: "GET", path: "/api/authorize?redirect_url=%ZZ&session_id=.." },
  { what: "authorize, .. redirect", method: "GET", path: "/api/authorize?redirect_url=..&session_id=%2e%2e" },
  post("authorize, garbage form", "/api/authorize", FORM, "redirect_url=%ZZ&%E0%A4%A"),
  post("authorize, garbage multipart", "/api/authorize", MULTIPART, "garbage"),
  post("bind, over 1 MiB", "/api/bind", JSON_TYPE, JSON.stringify({ template: "x".repeat(OVER_1MIB) })),
  post("bind, truncated JSON", "/api/bind", JSON_TYPE, '{"template": "loadbalancer"'),
  post("bind, wrong content type", "/api/bind", MULTIPART, "--xyz\r\ngarbage"),
  post("bind, wrong types", "/api/bind", JSON_TYPE, JSON.stringify({ template: 1, name: ["x"] })),
  ...NAMES.map((n) =>
    post(
      `bind, template ${n.slice(0, 12)}`,
      "/api/bind",
      JSON_TYPE,
      JSON.stringify({ template: n, name: "x", unknown: true }),
    ),
  ),
  post("bind, consumer_id with bad encoding", "/api/bind?consumer_id=%E0%A4%A", JSON_TYPE, BIND_BODY),
  post("bind, consumer_id ..", "/api/bind?consumer_id=..", JSON_TYPE, BIND_BODY),
  // next-auth answers its own errors with a redirect to /auth/error.
  {
    what: "next-auth callback, forged",
    method: "GET",
    path: "/api/auth/callback/oidc?code=x&state=%ZZ",
    ignored: true,
  },
  { what: "next-auth, unknown provider", method: "GET", path: "/api/auth/signin/%2e%2e", ignored: true },
];

test("route handlers answer bad queries and bodies with 4xx", async () => {
  const failures: string[] = [];
  for (const r of ROUTES) {
    const res = await send(r.path, { method: r.method, headers: r.headers, body: r.body });
    const ok = r.ignored ? res.status < 500 : res.status >= 400 && res.status < 500;
    if (!ok) failures.push(`${r.what}: ${r.method} → ${res.status}`);
  }
  expect(failures).toEqual([]);
});

/** Where a server action is served from: its page, with example values for dynamic segments. */
function actionPath(page: string): string {
  return page
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace("[namespace]/[name]", "default/web")
    .replace("[namespace]", "kube-bind-x")
    .replace("[group]", "networking.kro.run")
    .replace("[version]", "v1alpha1")
    .replace("[resource]", "loadbalancers")
    .replace("[template]", "loadbalancer")
    .replace(/^$/, "/");
}

function callAction(
  a: { id: string; page: string },
  body: string,
  headers: Record<string, string> = { "content-type": "text/plain;charset=UTF-8" },
) {
  return send(actionPath(a.page), {
    method: "POST",
    headers: { accept: "text/x-component", "next-action": a.id, ...headers },
    body,
  });
}

/** A refusal of the action itself (200 with {ok: false}) or a 4xx; never ≥ 500. */
function refused(res: RawResponse) {
  return (res.status >= 400 && res.status < 500) || (res.status === 200 && res.body.includes('"ok":false'));
}

/** One input object with every field name the actions read, each set to `v`. */
function everyField(v: unknown) {
  return {
    namespace: v,
    name: v,
    template: v,
    confirm: v,
    group: v,
    version: v,
    resource: v,
    header: v,
    sessionId: v,
    redirectUrl: v,
    consumerId: v,
    values: { "spec.domain": v },
    configMap: { mode: "existing" },
    unknownField: true,
  };
}

test("the build has the server actions this table covers", () => {
  const names = serverActions()
    .map((a) => a.name)
    .sort();
  expect(names).toEqual(
    [
      "applyEditAction",
      "bindForCli",
      "bindInBrowser",
      "cancelCliBind",
      "createLoadBalancerAction",
      "createResourceAction",
      "deleteLoadBalancerAction",
      "previewEditAction",
      "previewLoadBalancerAction",
      "previewResourceAction",
      "previewRevokeAction",
      "revokeConsumerAction",
      "testTrafficAction",
    ].sort(),
  );
});

const LB_VALUES = { "spec.domain": "web.example.com", "spec.targetPort": "8080" };
const CALLBACK = "http://127.0.0.1:1/callback";

/** An input each action would accept but for the one bad name, so the name is what is judged. */
function withBadName(action: string, bad: string): unknown[][] {
  switch (action) {
    case "previewEditAction":
    case "applyEditAction":
      return [
        [{ namespace: "default", name: bad, values: LB_VALUES, header: "x" }],
        [{ namespace: bad, name: "web", values: LB_VALUES, header: "x" }],
      ];
    case "deleteLoadBalancerAction":
      return [
        [{ namespace: "default", name: bad, confirm: bad, deleteConfigMap: false }],
        [{ namespace: bad, name: "web", confirm: "web", deleteConfigMap: true }],
      ];
    case "testTrafficAction":
      return [[{ namespace: "default", name: bad }], [{ namespace: bad, name: "web" }]];
    case "previewLoadBalancerAction":
    case "createLoadBalancerAction":
      return [
        [{ namespace: "default", name: bad, values: LB_VALUES, configMap: { mode: "existing" } }],
        [{ namespace: bad, name: "web", values: LB_VALUES, configMap: { mode: "existing" } }],
      ];
    case "previewResourceAction":
    case "createResourceAction":
      return [
        [
          { group: "networking.kro.run", version: "v1alpha1", resource: bad },
          { namespace: "default", name: "web" },
        ],
        [
          { group: bad, version: "v1alpha1", resource: "loadbalancers" },
          { namespace: "default", name: "web" },
        ],
        [LOADBALANCER_REF, { namespace: "default", name: bad, values: LB_VALUES }],
      ];
    case "bindInBrowser":
      return [[{ template: bad, name: "loadbalancer" }]];
    case "bindForCli":
    case "cancelCliBind":
      return [[{ template: bad, name: "loadbalancer", sessionId: bad, redirectUrl: CALLBACK }]];
    case "previewRevokeAction":
    case "revokeConsumerAction":
      return [[{ namespace: bad, confirm: bad }]];
    default:
      throw new Error(`no bad-name input for ${action}: add one`);
  }
}
const LOADBALANCER_REF = { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" };

test("every server action refuses bad names in otherwise valid input without a 5xx", async () => {
  const failures: string[] = [];
  for (const a of serverActions()) {
    for (const bad of NAMES) {
      for (const args of withBadName(a.name, bad)) {
        const res = await callAction(a, JSON.stringify(args));
        if (!refused(res)) failures.push(`${a.name}(${JSON.stringify(args).slice(0, 100)}) → ${res.status}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("every server action refuses wrong types and unknown fields without a 5xx", async () => {
  const failures: string[] = [];
  const inputs: [string, unknown[]][] = [
    ...NAMES.map((n): [string, unknown[]] => [`names ${n.slice(0, 12)}`, [everyField(n), everyField(n)]]),
    ["wrong types", [everyField(42), everyField(["x"])]],
    ["nulls", [null, null]],
    ["strings", ["x", "y"]],
    ["no arguments", []],
  ];
  for (const a of serverActions()) {
    for (const [what, args] of inputs) {
      const res = await callAction(a, JSON.stringify(args));
      if (!refused(res)) failures.push(`${a.name}, ${what} → ${res.status} ${res.body.slice(0, 120)}`);
    }
  }
  expect(failures).toEqual([]);
});

test("every server action refuses malformed bodies, oversized bodies and a foreign Origin with 4xx", async () => {
  const failures: string[] = [];
  const cases: [string, string, Record<string, string>][] = [
    ["truncated JSON", '[{"namespace": "default"', { "content-type": "text/plain;charset=UTF-8" }],
    ["not an argument list", '{"a": 1}', { "content-type": "text/plain;charset=UTF-8" }],
    ["garbage multipart", "garbage", { "content-type": "multipart/form-data; boundary=xyz" }],
    [
      "multipart without the arguments",
      '--xyz\r\ncontent-disposition: form-data; name="x"\r\n\r\n1\r\n--xyz--\r\n',
      {
        "content-type": "multipart/form-data; boundary=xyz",
      },
    ],
    ["wrong content type", "a=b&c=%ZZ", { "content-type": "application/x-www-form-urlencoded" }],
    ["no content type", "[]", {}],
    ["over 1 MiB", JSON.stringify(["x".repeat(4 * OVER_1MIB)]), { "content-type": "text/plain;charset=UTF-8" }],
    ["foreign Origin", "[]", { "content-type": "text/plain;charset=UTF-8", origin: FOREIGN }],
  ];
  for (const a of serverActions()) {
    for (const [what, body, headers] of cases) {
      const res = await callAction(a, body, headers);
      if (res.status < 400 || res.status >= 500) failures.push(`${a.name}, ${what} → ${res.status}`);
    }
  }
  const unknown = await callAction({ id: "00".repeat(21), page: "app/(portal)/page" }, "[]");
  if (unknown.status < 400 || unknown.status >= 500) failures.push(`unknown action id → ${unknown.status}`);
  expect(failures).toEqual([]);
});

test("settings over 1 MiB get the form's own message naming the limit", async () => {
  const create = serverActions().find((a) => a.name === "createLoadBalancerAction");
  if (!create) throw new Error("createLoadBalancerAction is not in the build");
  const input = {
    namespace: "default",
    name: "too-big",
    values: { "spec.domain": "too-big.example.com", "spec.targetPort": "8080" },
    configMap: {
      mode: "new",
      entries: [
        { key: "custom-header", value: "x".repeat(OVER_1MIB / 2) },
        { key: "other", value: "y".repeat(OVER_1MIB / 2) },
      ],
    },
  };
  const body = JSON.stringify([input]);
  expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
  const res = await callAction(create, body);
  // The action answers, as it does for any invalid form: its refusal, with the field's message.
  expect(res.status).toBe(200);
  expect(res.body).toContain('"ok":false');
  expect(res.body).toContain("The settings are larger than 1 MiB, the most a ConfigMap can hold.");
});
