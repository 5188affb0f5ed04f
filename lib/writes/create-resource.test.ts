// Cluster test (SANDBOX_STATE, consumer bound): the generic form of any bound export, as alice.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { applySandboxPortalEnv, ensureConsumerBound, identity } from "../../test-support/loadbalancer";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { createResource, previewResource, resourceForm } from "./create-resource";

applySandboxPortalEnv();
const alice = identity("alice");
const rand = randomSuffix();
const WIDGETS = { group: "example.dev", version: "v1", resource: "widgets" };
let admin: KubeClient;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  admin = await sandboxClient("consumer", "admin");
  await ensureConsumerBound();
});

afterAll(async () => {
  for (const c of cleanups) await c().catch(() => undefined);
});

describe("the generic form of a bound export", () => {
  it("is generated from the schema the consumer serves, with the namespaces alice may create in", async () => {
    const form = await resourceForm(alice, APIS.loadBalancers);
    if (form.state !== "ready") throw new Error(form.state);
    expect(form.model.kind).toBe("LoadBalancer");
    expect(form.model.fields.find((f) => f.path === "spec.targetPort")?.default).toBe(8080);
    expect(form.namespaces).toEqual(["default", "team-a"]);
  });

  it("says an API is not bound, and points to the catalog", async () => {
    expect(await resourceForm(alice, WIDGETS)).toEqual({ state: "not-served" });
    const r = await createResource(alice, WIDGETS, { namespace: "default", name: "w", values: {} });
    expect(r).toEqual({
      ok: false,
      fieldErrors: {},
      formError: {
        message: "The widgets.example.dev API is not bound to your cluster. Nothing was created.",
        next: { href: "/catalog", label: "Bind it from the catalog" },
      },
    });
  });

  it("previews from a dry run and creates exactly the object", async () => {
    const name = `gen-${rand}`;
    cleanups.push(() => admin.delete({ ...APIS.loadBalancers, namespace: "team-a", name }));
    const input = { namespace: "team-a", name, values: { "spec.domain": "gen.example.com", "spec.targetPort": "" } };
    const preview = await previewResource(alice, APIS.loadBalancers, input);
    expect(preview).toMatchObject({ ok: true, yaml: expect.stringContaining("domain: gen.example.com") });
    expect(await createResource(alice, APIS.loadBalancers, input)).toEqual({ ok: true, namespace: "team-a", name });
    const lb = await admin.get({ ...APIS.loadBalancers, namespace: "team-a", name });
    expect(lb.spec).toEqual({ domain: "gen.example.com", targetPort: 8080 });
  });

  it("reports bad values and forbidden namespaces on their fields", async () => {
    const bad = await createResource(alice, APIS.loadBalancers, {
      namespace: "team-b",
      name: "Bad",
      values: { "spec.targetPort": "x" },
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        name: expect.stringContaining("lowercase"),
        "spec.targetPort": 'Target port must be a whole number (got "x").',
      },
    });
    const denied = await createResource(alice, APIS.loadBalancers, {
      namespace: "team-b",
      name: `gen-${rand}`,
      values: {},
    });
    expect(denied).toMatchObject({
      ok: false,
      fieldErrors: {
        namespace: expect.stringContaining("alice@example.com may not create LoadBalancers in namespace team-b"),
      },
    });
  });
});
