// The manifest helpers and the controllers' informer against the sandbox's provider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { eventually } from "../../test-support/watch";
import { applyAll, applyObject, deleteObject, getObject, mergePatchObject, parseManifests } from "./apply";
import type { KubeClient } from "./client";
import { isConflict, isNotFound } from "./errors";
import { Informer } from "./informer";
import type { KubeObject } from "./types";
import type { Delta } from "./watch-store";

const NAMESPACES = { group: "", version: "v1", resource: "namespaces" };
let admin: KubeClient;
const ns = `informer-${randomSuffix()}`;

beforeAll(async () => {
  admin = await sandboxClient("provider", "admin");
});
afterAll(async () => {
  await admin.delete({ ...NAMESPACES, name: ns }).catch(() => undefined);
});

const configMap = (name: string, value: string) => `
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: ${ns}}
data: {key: "${value}"}
`;

describe("manifests", () => {
  it("applies a namespace and its content in order, and reads, patches and deletes by manifest", async () => {
    const docs = parseManifests(
      `${configMap("a", "1")}\n---\n# a comment only\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`,
    );
    expect(docs.map((d) => d.kind)).toEqual(["ConfigMap", "Namespace"]);
    await applyAll(admin, docs, { fieldManager: "informer-test" });
    const [cm] = parseManifests(configMap("a", "1"));
    expect((await getObject<KubeObject & { data: Record<string, string> }>(admin, cm))?.data.key).toBe("1");

    // Another manager's value conflicts unless forced.
    const changed = parseManifests(configMap("a", "2"))[0];
    const refused = await applyObject(admin, changed, { fieldManager: "other" }).catch((e: unknown) => e);
    expect(isConflict(refused)).toBe(true);
    await applyObject(admin, changed, { fieldManager: "other", force: true });

    await mergePatchObject(admin, cm, { data: { key: "3" } });
    expect((await getObject<KubeObject & { data: Record<string, string> }>(admin, cm))?.data.key).toBe("3");
    await deleteObject(admin, cm);
    expect(await getObject(admin, cm)).toBeUndefined();
  });

  it("says which kind a cluster does not serve", async () => {
    const missing = { apiVersion: "example.com/v1", kind: "Nothing", metadata: { name: "x" } };
    await expect(getObject(admin, missing)).rejects.toThrow("does not serve Nothing in example.com/v1");
  });
});

describe("Informer", () => {
  it("lists, then reports additions, changes and deletions", async () => {
    await applyObject(admin, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
    await applyObject(admin, parseManifests(configMap("before", "x"))[0]);
    const informer = new Informer(admin.conn, { group: "", version: "v1", resource: "configmaps", namespace: ns });
    const seen: string[] = [];
    informer.on((d: Delta) => seen.push(`${d.type} ${d.object.metadata.name}`));
    try {
      await informer.start();
      expect(informer.list().map((o) => o.metadata.name)).toContain("before");
      await applyObject(admin, parseManifests(configMap("after", "y"))[0]);
      await mergePatchObject(admin, parseManifests(configMap("after", "y"))[0], { data: { key: "z" } });
      await admin.delete({ group: "", version: "v1", resource: "configmaps", namespace: ns, name: "before" });
      await eventually("three deltas", () => seen.length >= 3);
      expect(seen).toEqual(["added after", "modified after", "deleted before"]);
      expect(informer.list().map((o) => o.metadata.name)).not.toContain("before");
    } finally {
      informer.stop();
    }
    expect(
      isNotFound(
        await admin
          .get({ group: "", version: "v1", resource: "configmaps", namespace: ns, name: "before" })
          .catch((e: unknown) => e),
      ),
    ).toBe(true);
  });
});
