// Cluster test (SANDBOX_STATE, the real konnector running): creating LoadBalancers as alice on
// the consumer — preview, create, every expected failure, and rollback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPolicy } from "../../test-support/admission";
import { guideSpec, guideValues } from "../../test-support/guide";
import { exists, randomSuffix, sandboxClient } from "../../test-support/k8s";
import { applySandboxPortalEnv, ensureConsumerBound, eventually, identity } from "../../test-support/loadbalancer";
import type { KubeClient } from "../k8s/client";
import { type CreateOutcome, createLoadBalancer, previewLoadBalancerCreate } from "./create";

applySandboxPortalEnv();
const alice = identity("alice");
const rand = randomSuffix();
const CM = { group: "", version: "v1", resource: "configmaps" };
const LB = { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" };
let admin: KubeClient;
let provider: KubeClient;
const cleanups: (() => Promise<unknown>)[] = [];

function input(
  name: string,
  over: { namespace?: string; values?: Record<string, string>; entries?: { key: string; value: string }[] } = {},
) {
  return {
    namespace: over.namespace ?? "default",
    name,
    values: { ...guideValues(`${name}-config`), ...over.values },
    configMap: { mode: "new" as const, entries: over.entries ?? [{ key: "custom-header", value: "hello-kube-bind" }] },
  };
}

/** Nothing of that name on the consumer, nor in any provider namespace. */
async function expectNothing(namespace: string, name: string, cm = `${name}-config`) {
  expect(await exists(admin, LB, namespace, name)).toBe(false);
  expect(await exists(admin, CM, namespace, cm)).toBe(false);
  const copies = await provider.list(LB, { fieldSelector: `metadata.name=${name}` });
  expect(copies.items).toEqual([]);
  expect((await provider.list(CM, { fieldSelector: `metadata.name=${cm}` })).items).toEqual([]);
}

function failed(r: CreateOutcome) {
  if (r.ok) throw new Error("expected a failure");
  return r;
}

beforeAll(async () => {
  admin = await sandboxClient("consumer", "admin");
  provider = await sandboxClient("provider", "admin");
  await ensureConsumerBound();
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe("creating a LoadBalancer as alice", () => {
  it("previews both objects as YAML and as kubectl apply, creating nothing", async () => {
    const name = `prev-${rand}`;
    const r = await previewLoadBalancerCreate(alice, input(name));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.yaml).toContain(
      `kind: ConfigMap\nmetadata:\n  name: ${name}-config\n  namespace: default\ndata:\n  custom-header: hello-kube-bind`,
    );
    expect(r.yaml).toContain("---\napiVersion: networking.kro.run/v1alpha1\nkind: LoadBalancer");
    expect(r.kubectl).toBe(`kubectl apply -f - <<'EOF'\n${r.yaml}EOF`);
    await expectNothing("default", name);
  });

  it("creates the ConfigMap and the LoadBalancer with exactly the given fields", async () => {
    const name = `lb-${rand}`;
    cleanups.push(
      () => admin.delete({ ...LB, namespace: "team-a", name }),
      () => admin.delete({ ...CM, namespace: "team-a", name: `${name}-config` }),
    );
    const r = await createLoadBalancer(alice, input(name, { namespace: "team-a" }));
    expect(r).toEqual({ ok: true, namespace: "team-a", name, href: `/loadbalancers/team-a/${name}` });
    const cm = await admin.get({ ...CM, namespace: "team-a", name: `${name}-config` });
    expect(cm.data).toEqual({ "custom-header": "hello-kube-bind" });
    const lb = await admin.get({ ...LB, namespace: "team-a", name });
    expect(lb.spec).toEqual(guideSpec(`${name}-config`));
  });

  it("gets an existing ConfigMap's settings to the provider", { timeout: 150_000 }, async () => {
    // A ConfigMap that exists before any LoadBalancer names it, then a first LoadBalancer with
    // settings of its own: once that one's ConfigMap is on the provider, the konnector has seen
    // (and passed over) the older ConfigMap too. A LoadBalancer that then uses the older one must
    // still get it to the provider.
    const bob = identity("bob");
    const ns = "team-b";
    const shared = `shared-${rand}`;
    const [first, second] = [`first-${rand}`, `second-${rand}`];
    cleanups.push(
      () => admin.delete({ ...LB, namespace: ns, name: first }),
      () => admin.delete({ ...CM, namespace: ns, name: `${first}-config` }),
      () => admin.delete({ ...LB, namespace: ns, name: second }),
      () => admin.delete({ ...CM, namespace: ns, name: shared }),
    );
    await admin.create(
      { ...CM, namespace: ns },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: shared }, data: { "custom-header": "shared" } },
    );
    const copyOf = (name: string) =>
      eventually(
        `the provider copy of ConfigMap ${name}`,
        async () => (await provider.list(CM, { fieldSelector: `metadata.name=${name}` })).items[0],
        90_000,
      );
    expect((await createLoadBalancer(bob, input(first, { namespace: ns }))).ok).toBe(true);
    expect((await copyOf(`${first}-config`)).metadata.namespace).toMatch(/-team-b$/);

    const values = { "spec.configMapRef": shared };
    const r = await createLoadBalancer(bob, {
      ...input(second, { namespace: ns, values }),
      configMap: { mode: "existing" },
    });
    expect(r.ok).toBe(true);
    const copy = await copyOf(shared);
    expect(copy.data).toEqual({ "custom-header": "shared" });
  });

  it("uses an existing ConfigMap, and says so when it does not exist", async () => {
    const name = `ex-${rand}`;
    const missing = await createLoadBalancer(alice, { ...input(name), configMap: { mode: "existing" } });
    expect(failed(missing).fieldErrors["spec.configMapRef"]).toBe(
      `There is no ConfigMap ${name}-config in default. Pick one from the list, or create a new one here.`,
    );
    await expectNothing("default", name);
  });
});

describe("failures are shown on the right field and leave nothing behind", () => {
  it.each([
    ["empty name", { name: "" }, "name", "Name is required."],
    ["overlong name", { name: "a".repeat(64) }, "name", "Name must be at most 63 characters (it has 64)."],
    ["uppercase name", { name: "My-LB" }, "name", "Use lowercase letters only."],
    ["invalid hostname", { values: { "spec.domain": "www..example.com" } }, "spec.domain", "Domain must be a hostname"],
    ["port 0", { values: { "spec.targetPort": "0" } }, "spec.targetPort", "from 1 to 65535 (got 0)"],
    ["port 70000", { values: { "spec.targetPort": "70000" } }, "spec.targetPort", "from 1 to 65535 (got 70000)"],
    [
      "missing ConfigMap key",
      { entries: [{ key: "", value: "hello" }] },
      "configMap.entries.0.key",
      'Enter a key for the value "hello"',
    ],
    // The platform's policy (lib/loadbalancer/policy.ts), as the provider enforces it.
    [
      "a target in kube-system",
      { values: { "spec.targetServiceNamespace": "kube-system", "spec.targetService": "kube-dns" } },
      "spec.targetServiceNamespace",
      "kube-system/kube-dns is not a target this LoadBalancer may use",
    ],
    [
      "a target in the portal's namespace",
      { values: { "spec.targetServiceNamespace": "kube-bind-portal", "spec.targetService": "kube-bind-portal" } },
      "spec.targetServiceNamespace",
      "shared targets (default/backend)",
    ],
    [
      "a header value with a newline",
      { entries: [{ key: "custom-header", value: "a\nb" }] },
      "configMap.entries.0.value",
      "The header value (custom-header) may contain only printable ASCII characters",
    ],
    [
      "a 900 KB header value",
      { entries: [{ key: "custom-header", value: "a".repeat(900_000) }] },
      "configMap.entries.0.value",
      "must be at most 4096 characters (it has 900000)",
    ],
  ])("%s", async (_what, over, field, message) => {
    const name = (over as { name?: string }).name ?? `bad-${rand}`;
    const r = failed(await createLoadBalancer(alice, { ...input(`bad-${rand}`, over as never), name }));
    expect(r.fieldErrors[field]).toContain(message);
    await expectNothing("default", `bad-${rand}`);
  });

  it("a name that already exists: on the name field, and the new ConfigMap is not created", async () => {
    const name = `taken-${rand}`;
    cleanups.push(() => admin.delete({ ...LB, namespace: "default", name }));
    await admin.create(
      { ...LB, namespace: "default" },
      { apiVersion: "networking.kro.run/v1alpha1", kind: "LoadBalancer", metadata: { name }, spec: {} },
    );
    const r = failed(await createLoadBalancer(alice, input(name)));
    expect(r.fieldErrors.name).toBe(
      `A LoadBalancer named ${name} already exists in namespace default. Choose another name, or open the existing one.`,
    );
    expect(r.formError?.next?.href).toBe(`/loadbalancers/default/${name}`);
    expect(await exists(admin, CM, "default", `${name}-config`)).toBe(false);
  });

  it("a ConfigMap name that already exists: on the ConfigMap field", async () => {
    const name = `cmtaken-${rand}`;
    cleanups.push(() => admin.delete({ ...CM, namespace: "default", name: `${name}-config` }));
    await admin.create(
      { ...CM, namespace: "default" },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${name}-config` } },
    );
    const r = failed(await createLoadBalancer(alice, input(name)));
    expect(r.fieldErrors["spec.configMapRef"]).toBe(
      `A ConfigMap named ${name}-config already exists in namespace default. Choose another name. To use it as it is, choose "Use an existing ConfigMap".`,
    );
    expect(await exists(admin, LB, "default", name)).toBe(false);
  });

  it("a namespace alice may not write: on the namespace field", async () => {
    const name = `rbac-${rand}`;
    const r = failed(await createLoadBalancer(alice, input(name, { namespace: "team-b" })));
    expect(r.fieldErrors.namespace).toBe(
      "alice@example.com may not create LoadBalancers in namespace team-b on the consumer cluster. Choose a namespace where you have the edit role, or ask the namespace's owners for access.",
    );
    await expectNothing("team-b", name);
  });

  /**
   * Creates until a just-installed admission policy takes effect (the apiserver loads policies
   * asynchronously); whatever got created before that is deleted again.
   */
  const createUntilRefused = (name: string, values: Record<string, string>) =>
    eventually("the policy to be active", async () => {
      const out = await createLoadBalancer(alice, input(name, { values }));
      if (out.ok) {
        // Created before the policy took effect: remove it, and wait until the konnector has
        // removed its provider copies too, so the refusal below starts from nothing.
        await admin.delete({ ...LB, namespace: "default", name });
        await admin.delete({ ...CM, namespace: "default", name: `${name}-config` });
        await eventually("the slipped-through LoadBalancer to be gone on both clusters", async () => {
          const left = await provider.list(LB, { fieldSelector: `metadata.name=${name}` });
          return left.items.length === 0 && !(await exists(admin, LB, "default", name));
        });
      }
      return out.ok ? null : out;
    });

  // Each installs a CREATE policy on LoadBalancers, creates `name` with `domain` until it refuses,
  // and finds each of `shown` in the domain field's error, and nothing left behind.
  for (const c of [
    {
      title: "an admission policy's denial: next to the field it names",
      name: `adm-${rand}`,
      policy: `deny-domain-${rand}`,
      domain: "www.reserved.test",
      expression: "!object.spec.domain.endsWith('.reserved.test')",
      message: "spec.domain: names under reserved.test are reserved",
      shown: ["names under reserved.test are reserved", "admission control refused this LoadBalancer"],
    },
    {
      title: "rolls the ConfigMap back when the LoadBalancer fails after the dry run passed",
      name: `rb-${rand}`,
      policy: `deny-real-${rand}`,
      domain: "www.rollback.test",
      expression: "request.dryRun || !object.spec.domain.endsWith('.rollback.test')",
      message: "spec.domain: rollback test",
      shown: ["rollback test"],
    },
  ])
    it(c.title, async () => {
      const { name, policy, expression, message } = c;
      const resource = { group: "networking.kro.run", resource: "loadbalancers", operations: ["CREATE"] };
      cleanups.push(await installPolicy(admin, { name: policy, ...resource, expression, message }));
      const r = failed(await createUntilRefused(name, { "spec.domain": c.domain }));
      for (const text of c.shown) expect(r.fieldErrors["spec.domain"]).toContain(text);
      await expectNothing("default", name);
    });
});
