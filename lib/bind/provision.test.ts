// Cluster test (SANDBOX_STATE): the per-user binding limit is enforced before anything exists on
// the provider. Alice "owns" one binding through a namespace annotated as kube-bind's backend
// annotates binding namespaces (named outside the backend's prefix, so no controller acts on it);
// with a limit of what she owns, her bind of a new consumer identity is refused and creates nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { applySandboxPortalEnv, ensureConsumerBound, eventually, identity } from "../../test-support/loadbalancer";
import type { KubeClient } from "../k8s/client";
import { firstProviderView } from "../live/provider";
import { BindingLimitError } from "./bind-errors";
import { AUTHOR_ANNOTATION, IDENTITY_ANNOTATION } from "./naming";
import { bindingsOwnedBy } from "./ownership";
import { requestProviderBinding } from "./provision";

applySandboxPortalEnv();
const alice = identity("alice");
const caller = { username: alice.user, groups: alice.groups };
const rand = randomSuffix();
const owned = `limit-test-${rand}`;
const NAMESPACES = { group: "", version: "v1", resource: "namespaces" };
const REQUESTS = { group: "kube-bind.io", version: "v1alpha2", resource: "bindableresourcesrequests" };
let admin: KubeClient;
const listNamespaces = async () => (await admin.list(NAMESPACES)).items;

beforeAll(async () => {
  await ensureConsumerBound();
  admin = await sandboxClient("provider", "admin");
  await admin.create(NAMESPACES, {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: owned,
      annotations: { [IDENTITY_ANNOTATION]: `limit-test-identity-${rand}`, [AUTHOR_ANNOTATION]: alice.user },
    },
  });
});

afterAll(async () => {
  await admin?.delete({ ...NAMESPACES, name: owned }).catch(() => undefined);
});

describe("the per-user binding limit", () => {
  it("refuses a user at the limit a new binding, naming the limit, and creates nothing on the provider", async () => {
    const namespacesBefore = (await admin.list(NAMESPACES)).items.map((n) => n.metadata.name).sort();
    const newIdentity = `0000${rand}-limit-test`;
    // Other suites bind as alice too: the limit is what she owns now, the namespace above included.
    const owns = bindingsOwnedBy(await listNamespaces(), alice.user).length;
    expect(owns).toBeGreaterThanOrEqual(1);
    const bind = requestProviderBinding(caller, {
      template: "loadbalancer",
      consumerIdentity: newIdentity,
      prettyName: "loadbalancer",
      maxBindingsPerUser: owns,
    });
    await expect(bind).rejects.toBeInstanceOf(BindingLimitError);
    await expect(bind).rejects.toThrow(
      `already own ${owns} bindings to this provider, the most one user may have (PORTAL_MAX_BINDINGS_PER_USER=${owns})`,
    );
    const namespacesAfter = (await admin.list(NAMESPACES)).items;
    expect(namespacesAfter.map((n) => n.metadata.name).sort()).toEqual(namespacesBefore);
    expect(namespacesAfter.some((n) => n.metadata.annotations?.[IDENTITY_ANNOTATION] === newIdentity)).toBe(false);
    const requests = (await admin.list(REQUESTS)).items;
    expect(requests.filter((r) => JSON.stringify(r).includes(newIdentity))).toEqual([]);
  });
});

describe("the provider console", () => {
  it("shows admins every binding with its owner (as recorded on its namespace) and its last heartbeat", async () => {
    // The first view can come before the local consumer's row is complete; wait for it.
    const rows = await eventually("the local consumer's row with its owner and heartbeat", async () => {
      const first = await firstProviderView(identity("admin"), 30_000);
      const all = first.ok ? (first.data?.view.consumers ?? []) : [];
      const local = all.find((r) => r.local);
      return local?.author && local.heartbeat.at ? all : undefined;
    });
    expect(rows.find((r) => r.local)?.author).toMatch(/@example\.com$/);
    const namespaces = new Map((await admin.list(NAMESPACES)).items.map((n) => [n.metadata.name, n]));
    for (const row of rows) {
      expect(row.author).toBe(namespaces.get(row.namespace)?.metadata.annotations?.[AUTHOR_ANNOTATION]);
    }
  });
});
