// Cluster test (SANDBOX_STATE, kube-bind emulator running): reading, editing and deleting a
// LoadBalancer as alice; the provider-side objects found for it; and bob kept out of all of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPolicy } from "../../test-support/admission";
import { guideSpec, guideValues } from "../../test-support/guide";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { applySandboxPortalEnv, ensureConsumerBound, eventually, identity } from "../../test-support/loadbalancer";
import type { KubeClient } from "../k8s/client";
import { KubeError } from "../k8s/errors";
import { createLoadBalancer } from "./create";
import { deleteLoadBalancer } from "./delete";
import { loadBalancerDetail } from "./detail";
import { loadFormOptions } from "./options";
import { providerCounterparts } from "./provider-side";
import { applyLoadBalancerEdit, previewLoadBalancerEdit } from "./update";

applySandboxPortalEnv();
const alice = identity("alice");
const bob = identity("bob");
const rand = randomSuffix();
const name = `m-${rand}`;
const cmName = `${name}-config`;
const CM = { group: "", version: "v1", resource: "configmaps", namespace: "default" };
const LB = { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers", namespace: "default" };
let admin: KubeClient;
const cleanups: (() => Promise<unknown>)[] = [];

type Expected = { domain?: string; targetPort?: number; header?: string };
const edit = (over: Partial<{ domain: string; port: string; header: string; expected: Expected }> = {}) => ({
  namespace: "default",
  name,
  expected: over.expected,
  values: { "spec.domain": over.domain ?? "www.example.com", "spec.targetPort": over.port ?? "30080" },
  header: over.header ?? "hello-kube-bind",
});

async function gone(ref: typeof CM, n: string) {
  try {
    await admin.get({ ...ref, name: n });
    return false;
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return true;
    throw e;
  }
}

beforeAll(async () => {
  admin = await sandboxClient("consumer", "admin");
  await ensureConsumerBound();
  cleanups.push(
    () => admin.delete({ ...LB, name }),
    () => admin.delete({ ...CM, name: cmName }),
  );
  const created = await createLoadBalancer(alice, {
    namespace: "default",
    name,
    values: guideValues(cmName),
    configMap: { mode: "new", entries: [{ key: "custom-header", value: "hello-kube-bind" }] },
  });
  expect(created.ok).toBe(true);
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe("alice's LoadBalancer", () => {
  it("is shown with its spec, its ConfigMap and what alice may do", async () => {
    const d = await loadBalancerDetail(alice, { namespace: "default", name });
    if (d.state !== "found") throw new Error(d.state);
    expect(d.lb.spec).toEqual(guideSpec(cmName));
    expect(d.configMap).toMatchObject({ name: cmName, state: "found", data: { "custom-header": "hello-kube-bind" } });
    expect(d.can).toEqual({ update: true, delete: true });
  });

  it("has a provider side: the synced copy and the children kro created, found by their labels", async () => {
    const side = await eventually("kro's children on the provider", async () => {
      const s = await providerCounterparts({ namespace: "default", name, configMapRef: cmName });
      const kinds = s.state === "found" ? s.objects.map((o) => o.kind) : [];
      return ["LoadBalancer", "Gateway", "HTTPRoute", "ReferenceGrant"].every((k) => kinds.includes(k)) ? s : null;
    });
    if (side.state !== "found") throw new Error(side.state);
    expect(side.providerNamespace).toMatch(/^kube-bind-[a-z0-9]+-default$/);
    expect(side.objects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "LoadBalancer", namespace: side.providerNamespace, name }),
        expect.objectContaining({ kind: "Gateway", namespace: side.providerNamespace, name: `${name}-gw` }),
        expect.objectContaining({ kind: "HTTPRoute", namespace: side.providerNamespace, name: `${name}-route` }),
        expect.objectContaining({
          kind: "ReferenceGrant",
          namespace: "default",
          name: `${side.providerNamespace}-${name}-grant`,
        }),
      ]),
    );
  });

  it("previews an edit from a dry run without changing anything", async () => {
    const r = await previewLoadBalancerEdit(alice, edit({ header: "changed", port: "8080" }));
    if (!r.ok) throw new Error(JSON.stringify(r));
    // Only what changes, before → after, from the cluster's dry run.
    expect(r.changes).toEqual([
      { object: `ConfigMap ${cmName}`, path: "data.custom-header", before: "hello-kube-bind", after: "changed" },
      { object: `LoadBalancer ${name}`, path: "spec.targetPort", before: "30080", after: "8080" },
    ]);
    expect(r.yaml).toContain("custom-header: changed");
    expect(r.yaml).not.toContain("managedFields");
    expect(r.kubectl).toMatch(/^kubectl apply -f - <<'EOF'\n/);
    expect((await admin.get({ ...CM, name: cmName })).data).toEqual({ "custom-header": "hello-kube-bind" });
  });

  it("says when nothing would change", async () => {
    const r = await previewLoadBalancerEdit(alice, edit());
    expect(r).toMatchObject({
      ok: false,
      formError: { message: "These are the values already set; there is nothing to change." },
    });
  });

  it("applies a new header value, domain and port", async () => {
    const r = await applyLoadBalancerEdit(
      alice,
      edit({ header: "hello-again", domain: "api.example.com", port: "8080" }),
    );
    expect(r).toEqual({ ok: true, href: `/loadbalancers/default/${name}` });
    expect((await admin.get({ ...CM, name: cmName })).data).toEqual({ "custom-header": "hello-again" });
    expect((await admin.get({ ...LB, name })).spec).toMatchObject({ domain: "api.example.com", targetPort: 8080 });
  });

  it("refuses an edit based on an outdated page", async () => {
    const shown = { domain: "www.example.com", targetPort: 30080, header: "hello-kube-bind" };
    const r = await applyLoadBalancerEdit(alice, edit({ header: "x", expected: shown }));
    expect(r).toMatchObject({
      ok: false,
      formError: { message: expect.stringContaining("was changed by someone else") },
    });
  });

  it("undoes the ConfigMap change when the LoadBalancer change fails after the dry run", async () => {
    cleanups.push(
      await installPolicy(admin, {
        name: `deny-update-${rand}`,
        group: "networking.kro.run",
        resource: "loadbalancers",
        operations: ["UPDATE"],
        expression: "request.dryRun || !object.spec.domain.endsWith('.rollback.test')",
        message: "spec.domain: rollback test",
      }),
    );
    const r = await eventually("the policy to be active", async () => {
      const out = await applyLoadBalancerEdit(alice, edit({ header: "must-be-undone", domain: "www.rollback.test" }));
      if (out.ok)
        await applyLoadBalancerEdit(alice, edit({ header: "hello-again", domain: "api.example.com", port: "8080" }));
      return out.ok ? null : out;
    });
    expect(r).toMatchObject({ ok: false, fieldErrors: { "spec.domain": expect.stringContaining("rollback test") } });
    expect((await admin.get({ ...CM, name: cmName })).data).toEqual({ "custom-header": "hello-again" });
    expect((await admin.get({ ...LB, name })).spec).toMatchObject({ domain: "api.example.com" });
  });
});

describe("bob (team-b) and alice's LoadBalancer", () => {
  it("cannot see it, and the provider side is not looked up for him", async () => {
    const d = await loadBalancerDetail(bob, { namespace: "default", name });
    expect(d).toEqual({
      state: "forbidden",
      message: "You may not read LoadBalancers in namespace default on the consumer cluster.",
    });
  });

  it("is offered neither alice's namespaces nor her ConfigMaps", async () => {
    const o = await loadFormOptions(bob);
    expect(o.namespaces).toEqual(["team-b"]);
    expect(Object.keys(o.configMaps)).toEqual(["team-b"]);
    expect(o.services.every((s) => s.namespace === "team-b")).toBe(true);
  });

  it("cannot preview or apply an edit, nor delete it", async () => {
    for (const r of [
      await previewLoadBalancerEdit(bob, edit({ header: "bob-was-here" })),
      await applyLoadBalancerEdit(bob, edit({ header: "bob-was-here" })),
      await deleteLoadBalancer(bob, { namespace: "default", name, confirm: name, deleteConfigMap: true }),
    ]) {
      expect(r).toMatchObject({
        ok: false,
        formError: { message: expect.stringContaining("bob@example.com may not") },
      });
    }
    expect((await admin.get({ ...CM, name: cmName })).data).toEqual({ "custom-header": "hello-again" });
    expect(await gone(LB, name)).toBe(false);
  });
});

describe("deleting alice's LoadBalancer", () => {
  it("asks for the name", async () => {
    const r = await deleteLoadBalancer(alice, { namespace: "default", name, confirm: "my-lb", deleteConfigMap: false });
    expect(r).toEqual({ ok: false, fieldErrors: { confirm: `Type ${name} exactly to confirm the deletion.` } });
  });

  it("removes the LoadBalancer and, when asked, its ConfigMap", async () => {
    const r = await deleteLoadBalancer(alice, { namespace: "default", name, confirm: name, deleteConfigMap: true });
    expect(r).toEqual({ ok: true, href: "/loadbalancers" });
    await eventually("the LoadBalancer to be gone", () => gone(LB, name));
    expect(await gone(CM, cmName)).toBe(true);
  });
});
