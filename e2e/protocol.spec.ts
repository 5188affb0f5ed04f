import { expect, test } from "@playwright/test";
import { APIS } from "../lib/k8s/apis";
import { cliCallback, decodeBindingResponse } from "./support/cli-callback";
import { cliLogin, cliToken } from "./support/cli-login";
import { clientFromKubeconfig, providerAdmin } from "./support/provider";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

const portalUrl = () => test.info().project.use.baseURL as string;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

// The consumer identities this spec makes up (one per run): their binding namespaces are removed
// at the end, as an admin revoking them would, so repeated runs stay below the per-user limit.
const RUN = Date.now();
const madeUp = (name: string) => `${name}-${RUN}`;
test.afterAll(async () => {
  const admin = await providerAdmin();
  const namespaces = APIS.namespaces;
  for (const ns of (await admin.list(namespaces)).items) {
    if (!ns.metadata.annotations?.["backend.kube-bind.io/identity"]?.endsWith(`-${RUN}`)) continue;
    await admin.delete({ ...namespaces, name: ns.metadata.name }).catch(() => undefined);
  }
});

test.describe("discovery and public routes", () => {
  test("GET /api/exports is the BindingProvider document", async ({ request }) => {
    const res = await request.get("/api/exports");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc).toMatchObject({ kind: "BindingProvider", apiVersion: "v1alpha2" });
    expect(doc.authenticationMethods[0]).toEqual({
      method: "OAuth2CodeGrant",
      oauth2CodeGrant: { authenticatedURL: `${portalUrl()}/api/authorize` },
    });
  });

  test("GET /exports redirects to /api/exports keeping the query", async ({ request }) => {
    const res = await request.get("/exports?cluster_id=abc", { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(res.headers().location).toBe(`${portalUrl()}/api/exports?cluster_id=abc`);
  });

  test("GET /api/bindable-resources lists the claimable core APIs", async ({ request }) => {
    const res = await request.get("/api/bindable-resources");
    const body = await res.json();
    expect(body.map((r: { Names: { plural: string } }) => r.Names.plural)).toEqual([
      "configmaps",
      "secrets",
      "serviceaccounts",
    ]);
  });

  test("protected routes refuse anonymous and forged callers with the structured error", async ({ request }) => {
    for (const [method, path] of [
      ["GET", "/api/templates"],
      ["GET", "/api/collections"],
      ["GET", "/api/ping"],
      ["POST", "/api/bind"],
    ]) {
      for (const headers of [{} as Record<string, string>, { authorization: "Bearer not-a-token" }]) {
        const res = await request.fetch(path, { method, headers, data: method === "POST" ? {} : undefined });
        expect(res.status(), `${method} ${path}`).toBe(401);
        expect(await res.json()).toMatchObject({
          kind: "Error",
          apiVersion: "kube-bind.io/v1alpha2",
          code: "AUTHENTICATION_FAILED",
        });
      }
    }
  });

  test("/api/authorize requires redirect_url and session_id", async ({ request }) => {
    const res = await request.get("/api/authorize?client_type=cli", { maxRedirects: 0 });
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ kind: "Error", code: "BAD_REQUEST" });
  });
});

test.describe("redirect_url is only ever a loopback http URL", () => {
  const corpus = [
    "http://evil.example.com:8000/callback",
    "https://127.0.0.1:8000/callback",
    "//evil.example.com/callback",
    "http://127.0.0.1.example.com:8000/callback",
    "http://localhost@evil.example.com:8000/callback",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://%6cocalhost:8000/callback",
    "HTTP://LOCALHOST:8000/callback",
    "http://127.0.0.1:8000/callback\r\nX: y",
    "http://127.0.0.1/callback",
    "http://127.0.0.1:8000",
    `http://127.0.0.1:8000/${"a".repeat(3000)}`,
  ];

  test("the CLI login refuses each with 400", async ({ request }) => {
    for (const bad of corpus) {
      const q = new URLSearchParams({ redirect_url: bad, session_id: "S1", client_type: "cli" });
      const res = await request.get(`/api/authorize?${q}`, { maxRedirects: 0 });
      expect(res.status(), bad).toBe(400);
      expect((await res.json()).code).toBe("BAD_REQUEST");
    }
  });

  test("the bind page refuses each with 400 before sign-in", async ({ request }) => {
    for (const bad of corpus) {
      const q = new URLSearchParams({ redirect_url: bad, session_id: "S1" });
      const res = await request.get(`/?${q}`, { maxRedirects: 0 });
      expect(res.status(), bad).toBe(400);
      expect(await res.text()).toContain("This bind link is not valid");
    }
  });
});

test.describe("CLI login", () => {
  test("redirects to the loopback callback with a signed bearer token", async ({ page, request }) => {
    const query = await cliLogin(page, user("alice"));
    expect(query.get("token_type")).toBe("Bearer");
    expect(query.get("expires_in")).toBe("86400");
    const token = query.get("access_token") ?? "";
    expect(token.split(".")).toHaveLength(3);
    const ping = await request.get("/api/ping", { headers: bearer(token) });
    expect(ping.status()).toBe(200);
    expect(await ping.text()).toBe("pong");
    const templates = await (await request.get("/api/templates", { headers: bearer(token) })).json();
    expect(templates.items.map((t: { metadata: { name: string } }) => t.metadata.name)).toContain("loadbalancer");
    const collections = await request.get("/api/collections", { headers: bearer(token) });
    expect(collections.status()).toBe(200);
  });

  test("an IdP refusal reaches the CLI as error and error_description", async ({ page }) => {
    const query = await cliLogin(page, user("bob"), { deny: true });
    expect(query.get("error")).toBe("access_denied");
    expect(query.get("error_description")).toBeTruthy();
    expect(query.get("access_token")).toBeNull();
  });
});

test.describe("POST /api/bind", () => {
  test("handshake with upstream's names, idempotent, both body shapes, strict input", async ({ page, request }) => {
    const token = await cliToken(page, user("alice"));
    const admin = await providerAdmin();
    const bind = (data: unknown, query = "") => request.post(`/api/bind${query}`, { headers: bearer(token), data });

    const first = await bind({ metadata: { name: "loadbalancer" }, templateRef: { name: "loadbalancer" } });
    expect(first.status()).toBe(200);
    const response = await first.json();
    expect(response).toMatchObject({ kind: "BindingResponse", apiVersion: "kube-bind.io/v1alpha2" });
    expect(response.authentication.oauth2CodeGrant).toBeTruthy();
    expect(response.requests[0]).toMatchObject({
      kind: "APIServiceExportRequest",
      apiVersion: "kube-bind.io/v1alpha2",
      metadata: { name: "loadbalancer" },
      spec: { resources: [{ group: "networking.kro.run", resource: "loadbalancers", versions: ["v1alpha1"] }] },
    });
    const kubeconfig = Buffer.from(response.kubeconfig, "base64").toString("utf8");
    const ns = response.providerNamespace as string;
    expect(ns).toMatch(/^kube-bind-[0-9a-z]+$/);
    expect(kubeconfig).toContain(`namespace: ${ns}`);

    // Upstream's objects, with upstream's names.
    const namespace = await admin.get({ ...APIS.namespaces, name: ns });
    expect(namespace.metadata.annotations?.["backend.kube-bind.io/identity"]).toBe("user:alice@example.com");
    await admin.get({ ...APIS.serviceAccounts, namespace: ns, name: "kube-binder" });
    await admin.get({ group: "", version: "v1", resource: "secrets", namespace: ns, name: "kube-binder" });
    await admin.get({ group: "", version: "v1", resource: "secrets", namespace: ns, name: "kubeconfig" });
    await admin.get({
      group: "kube-bind.io",
      version: "v1alpha2",
      resource: "clusterbindings",
      namespace: ns,
      name: "cluster",
    });
    const rb = await admin.get<{ roleRef: { name: string } } & import("../lib/k8s/types").KubeObject>({
      group: "rbac.authorization.k8s.io",
      version: "v1",
      resource: "rolebindings",
      namespace: ns,
      name: "kube-binder",
    });
    expect(rb.roleRef.name).toBe("kube-binder");

    // The kubeconfig works for its own namespace only.
    const binder = await clientFromKubeconfig(kubeconfig, test.info().outputDir);
    expect(
      await binder.can({ verb: "create", group: "kube-bind.io", resource: "apiserviceexportrequests", namespace: ns }),
    ).toBe(true);
    expect(await binder.can({ verb: "get", resource: "secrets", namespace: "kube-system" })).toBe(false);

    // Binding twice reuses everything.
    const again = await (
      await bind({ metadata: { name: "loadbalancer" }, templateRef: { name: "loadbalancer" } })
    ).json();
    expect(again.providerNamespace).toBe(ns);

    // The v0.7+ body shape, keyed by the consumer cluster.
    const v7 = await bind({
      metadata: { name: "lb" },
      spec: {
        templateRef: { name: "loadbalancer" },
        clusterIdentity: { identity: madeUp("cluster") },
        author: "cli",
      },
    });
    expect(v7.status()).toBe(200);
    expect((await v7.json()).providerNamespace).not.toBe(ns);

    // Bad input: named field and rule, nothing created.
    const before = (await admin.list({ group: "", version: "v1", resource: "namespaces" })).items.length;
    const badName = await bind(
      { metadata: { name: "Not_RFC1123" }, templateRef: { name: "loadbalancer" } },
      "?consumer_id=fresh-1",
    );
    expect(badName.status()).toBe(400);
    expect((await badName.json()).details).toContain("RFC 1123");
    const unknown = await bind(
      { metadata: { name: "x" }, templateRef: { name: "no-such-template" } },
      "?consumer_id=fresh-2",
    );
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).code).toBe("RESOURCE_NOT_FOUND");
    const notJson = await request.post("/api/bind", {
      headers: { ...bearer(token), "content-type": "application/json" },
      data: "{",
    });
    expect(notJson.status()).toBe(400);
    const huge = await request.post("/api/bind", {
      headers: { ...bearer(token), "content-type": "application/json" },
      data: JSON.stringify({ metadata: { name: "x" }, pad: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(huge.status()).toBe(413);
    expect((await admin.list({ group: "", version: "v1", resource: "namespaces" })).items.length).toBe(before);
  });
});

test.describe("two tenants", () => {
  test("bob never obtains alice's namespace or kubeconfig", async ({ browser, request }) => {
    const alicePage = await (await browser.newContext()).newPage();
    const bobPage = await (await browser.newContext()).newPage();
    const aliceToken = await cliToken(alicePage, user("alice"));
    const bobToken = await cliToken(bobPage, user("bob"));
    const cluster = madeUp("shared-cluster");
    const body = { metadata: { name: "loadbalancer" }, templateRef: { name: "loadbalancer" } };

    const alice = await (
      await request.post(`/api/bind?consumer_id=${cluster}`, { headers: bearer(aliceToken), data: body })
    ).json();
    // The same consumer identity, by query or by body: refused, no kubeconfig.
    const byQuery = await request.post(`/api/bind?consumer_id=${cluster}`, { headers: bearer(bobToken), data: body });
    expect(byQuery.status()).toBe(403);
    const byBody = await request.post("/api/bind", {
      headers: bearer(bobToken),
      data: {
        metadata: { name: "lb" },
        spec: { templateRef: { name: "loadbalancer" }, clusterIdentity: { identity: cluster } },
      },
    });
    expect(byBody.status()).toBe(403);
    for (const res of [byQuery, byBody]) {
      const err = await res.json();
      expect(err.code).toBe("AUTHORIZATION_FAILED");
      expect(JSON.stringify(err)).not.toContain("kubeconfig");
    }

    // Bob's own binding lands in his own namespace; his kubeconfig cannot touch alice's.
    const bob = await (await request.post("/api/bind", { headers: bearer(bobToken), data: body })).json();
    expect(bob.providerNamespace).not.toBe(alice.providerNamespace);
    const bobClient = await clientFromKubeconfig(
      Buffer.from(bob.kubeconfig, "base64").toString(),
      test.info().outputDir,
    );
    for (const verb of ["get", "list", "create", "delete"]) {
      expect(
        await bobClient.can({
          verb,
          group: "kube-bind.io",
          resource: "apiserviceexportrequests",
          namespace: alice.providerNamespace,
        }),
      ).toBe(false);
      expect(await bobClient.can({ verb, resource: "secrets", namespace: alice.providerNamespace })).toBe(false);
    }
  });
});

test.describe("browser bind at /?session_id&redirect_url", () => {
  test("signs in, keeps the parameters, shows the grants, and returns a BindingResponse", async ({ page }) => {
    const cb = await cliCallback();
    try {
      const q = new URLSearchParams({ session_id: "BROWSERSESSION", redirect_url: cb.url });
      await signIn(page, user("alice"), `/?${q}`);
      await expect(page).toHaveURL(/session_id=BROWSERSESSION/);
      await expect(page.getByRole("heading", { name: "Bind an API to your cluster" })).toBeVisible();
      await expect(
        page.getByText("The provider reads the ConfigMap named in the LoadBalancer's configMapRef", { exact: false }),
      ).toBeVisible();
      const received = cb.next();
      await page.getByRole("button", { name: "Allow and bind" }).click();
      const query = await received;
      await expect(page.getByText("received")).toBeVisible();
      expect(query.get("session_id")).toBe("BROWSERSESSION");
      const response = decodeBindingResponse(query.get("binding_response"));
      expect(response).toMatchObject({ kind: "BindingResponse", requests: [{ metadata: { name: "loadbalancer" } }] });
      expect(typeof response.kubeconfig).toBe("string");
    } finally {
      await cb.close();
    }
  });

  test("cancelling tells the CLI with error and a decodable binding_response", async ({ page }) => {
    const cb = await cliCallback();
    try {
      const q = new URLSearchParams({ session_id: "CANCELSESSION", redirect_url: cb.url });
      await signIn(page, user("bob"), `/?${q}`);
      await page.getByRole("button", { name: "Cancel" }).click();
      await expect(page.getByText("You cancelled the binding in the portal.")).toBeVisible();
      const received = cb.next();
      await page.getByRole("link", { name: "Tell kubectl bind and close this page" }).click();
      const query = await received;
      await expect(page.getByText("received")).toBeVisible();
      expect(query.get("error")).toBe("access_denied");
      expect(query.get("binding_response")).toBe("e30=");
      expect(decodeBindingResponse(query.get("binding_response"))).toEqual({});
    } finally {
      await cb.close();
    }
  });
});
