// Cluster test (SANDBOX_STATE): one server action reads each discovery document and schema once,
// and a CRD installed after such a read is still found. Counts the portal's real requests to the
// consumer; the CRDs are this test's own, in a group of their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { applySandboxPortalEnv, eventually, identity } from "../../test-support/loadbalancer";
import { servedSchema } from "../forms/served";
import type { KubeClient } from "../k8s/client";
import { connection, userClient } from "../k8s/clusters";
import { refFor, servedResources } from "../k8s/discovery";
import { createResource, previewResource } from "../writes/create-resource";
import { defineUserAction } from "./define";

applySandboxPortalEnv();
const admin = identity("admin");
const GROUP = `cache-${randomSuffix()}.example.com`;
const WIDGETS = { group: GROUP, version: "v1", resource: "widgets" };
const DISCOVERY = `/apis/${GROUP}/v1`;
const SCHEMA = `/openapi/v3/apis/${GROUP}/v1`;
let cluster: KubeClient;
let paths: string[] = [];
let restore: () => void;

const action = defineUserAction(async () => ({ username: admin.user, groups: admin.groups }));
const run = <R>(fn: (id: typeof admin) => Promise<R>) =>
  action(z.unknown(), (_raw, { identity: id }) => fn(id), { returnTo: "/" })(null);

function crd(kind: string, plural: string) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.${GROUP}` },
    spec: {
      group: GROUP,
      scope: "Namespaced",
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: { spec: { type: "object", properties: { size: { type: "string" } } } },
            },
          },
        },
      ],
    },
  };
}

const CRDS = { group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions" };
const install = (kind: string, plural: string) => cluster.create(CRDS, crd(kind, plural));
const count = (path: string) => paths.filter((p) => p === path).length;
const widget = (name: string) => ({ namespace: "default", name, values: { "spec.size": "small" } });

beforeAll(async () => {
  cluster = await sandboxClient("consumer", "admin");
  await install("Widget", "widgets");
  const user = await userClient("consumer", admin);
  await eventually("the widgets schema", async () => (await servedSchema(user, WIDGETS)).state === "served");
  // Every request of the portal's consumer connection, by path (the query left out).
  const dispatcher = (await connection("consumer")).dispatcher;
  const dispatch = dispatcher.dispatch;
  dispatcher.dispatch = (opts, handler) => {
    paths.push(opts.path.split("?")[0]);
    return dispatch.call(dispatcher, opts, handler);
  };
  restore = () => {
    dispatcher.dispatch = dispatch;
  };
});

afterAll(async () => {
  restore?.();
  for (const plural of ["widgets", "gadgets"])
    await cluster.delete({ ...CRDS, name: `${plural}.${GROUP}` }).catch(() => undefined);
});

describe("discovery and schema reads in a server action", () => {
  it("are read once per action, however often the action asks", async () => {
    paths = [];
    const outside = await previewResource(admin, WIDGETS, widget("outside"));
    expect(outside).toMatchObject({ ok: true });
    await previewResource(admin, WIDGETS, widget("outside"));
    // Without an action, each preview reads both documents again.
    expect([count(DISCOVERY), count(SCHEMA)]).toEqual([2, 2]);

    paths = [];
    const result = await run(async (id) => ({
      preview: await previewResource(id, WIDGETS, widget("once")),
      created: await createResource(id, WIDGETS, widget("once")),
    }));
    expect(result).toMatchObject({ preview: { ok: true }, created: { ok: true, name: "once" } });
    expect([count(DISCOVERY), count(SCHEMA)]).toEqual([1, 1]);
    expect((await cluster.get({ ...WIDGETS, namespace: "default", name: "once" })).metadata.name).toBe("once");
  });

  it("find a CRD installed after the action read its group", async () => {
    const found = await run(async (id) => {
      const user = await userClient("consumer", id);
      const before = (await servedResources(user, GROUP, "v1"))?.map((r) => r.kind);
      await install("Gadget", "gadgets");
      // The memo holds the group without Gadget; a lookup that misses asks the cluster again.
      const ref = await eventually("Gadget served", () =>
        refFor(user, { apiVersion: `${GROUP}/v1`, kind: "Gadget", metadata: { name: "g" } }),
      );
      return { before, ref };
    });
    expect(found).toEqual({
      before: ["Widget"],
      ref: { group: GROUP, version: "v1", resource: "gadgets", namespace: "default", name: "g" },
    });
    // The next action starts without a memo: the generic form sees Gadgets at once.
    const next = await run(async (id) =>
      servedSchema(await userClient("consumer", id), { group: GROUP, version: "v1", resource: "gadgets" }),
    );
    expect(next).toMatchObject({ state: expect.stringMatching(/^(served|no-schema)$/) });
  });
});
