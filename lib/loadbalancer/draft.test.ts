import { describe, expect, it } from "vitest";
import { guideSpec, GUIDE_VALUES as values } from "../../test-support/guide";
import { recordedLoadBalancerCrd } from "../../test-support/schema";
import { kindSchemaFromCrd } from "../forms/json-schema";
import { parseDraft } from "./draft";
import { loadBalancerModel } from "./form";
import { configMapObject, loadBalancerObject } from "./objects";

const model = loadBalancerModel(kindSchemaFromCrd(recordedLoadBalancerCrd));
const guide = {
  namespace: "default",
  name: "my-lb",
  values,
  configMap: { mode: "new", entries: [{ key: "custom-header", value: "hello-kube-bind" }] },
};

describe("the LoadBalancer draft (recorded CRD)", () => {
  it("refuses one value over 1 MiB with the settings' own message, not a malformed-form one", () => {
    const big = { key: "notes", value: "x".repeat(1_100_000) };
    const r = parseDraft(model, { ...guide, configMap: { mode: "new", entries: [big] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors["configMap.entries"]).toBe(
      "The settings are larger than 1 MiB, the most a ConfigMap can hold.",
    );
    expect(r.fieldErrors.form).toBeUndefined();
  });

  it("builds exactly the guide's two objects", () => {
    const r = parseDraft(model, guide);
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    expect(configMapObject(r.draft)).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "my-lb-config", namespace: "default" },
      data: { "custom-header": "hello-kube-bind" },
    });
    expect(loadBalancerObject(model, r.draft)).toEqual({
      apiVersion: "networking.kro.run/v1alpha1",
      kind: "LoadBalancer",
      metadata: { name: "my-lb", namespace: "default" },
      spec: guideSpec(),
    });
  });

  it("references an existing ConfigMap without creating one", () => {
    const r = parseDraft(model, { ...guide, configMap: { mode: "existing" } });
    expect(r.ok && configMapObject(r.draft)).toBeUndefined();
  });

  it.each([
    [{ name: "" }, "name", "Name is required."],
    [{ name: "a".repeat(64) }, "name", "Name must be at most 63 characters (it has 64)."],
    [{ name: "My-LB" }, "name", "Use lowercase letters only."],
    [{ namespace: "" }, "namespace", "Choose a namespace."],
  ])("%j → %s", (over, field, message) => {
    const r = parseDraft(model, { ...guide, ...over });
    expect(r.ok ? {} : r.fieldErrors[field]).toContain(message);
  });

  it("checks the settings: a value needs a key, keys are valid and unique, empty rows are ignored", () => {
    const r = parseDraft(model, {
      ...guide,
      configMap: {
        mode: "new",
        entries: [
          { key: "", value: "hello" },
          { key: "bad/key", value: "x" },
          { key: "custom-header", value: "a" },
          { key: "custom-header", value: "b" },
          { key: "", value: "" },
        ],
      },
    });
    expect(r.ok ? {} : r.fieldErrors).toEqual({
      "configMap.entries.0.key": 'Enter a key for the value "hello" (for example custom-header), or remove the row.',
      "configMap.entries.1.key": "The key may contain only letters, digits, '-', '_' and '.'.",
      "configMap.entries.3.key": "The key custom-header is used twice; each key may appear once.",
    });
  });

  it("names each missing field as the form labels it: Name, and the ConfigMap by its mode", () => {
    const empty = { ...values, "spec.configMapRef": "" };
    const r = parseDraft(model, { ...guide, name: "", values: empty });
    expect(r.ok ? {} : r.fieldErrors).toEqual({
      name: "Name is required.",
      "spec.configMapRef":
        "ConfigMap name is required: it is filled in from the LoadBalancer's name until you change it.",
    });
    const existing = parseDraft(model, { ...guide, values: empty, configMap: { mode: "existing" } });
    expect(existing.ok ? {} : existing.fieldErrors).toEqual({
      "spec.configMapRef": "ConfigMap in default is required: choose one, or create a new ConfigMap here.",
    });
    const bad = parseDraft(model, { ...guide, values: { ...values, "spec.configMapRef": "Bad_Name" } });
    expect(bad.ok ? "" : bad.fieldErrors["spec.configMapRef"]).toMatch(/^ConfigMap name /);
  });

  it("rejects input that is not the form's shape", () => {
    expect(parseDraft(model, { name: 1 })).toEqual({
      ok: false,
      fieldErrors: { form: "The form sent data this page does not understand; reload the page." },
    });
  });
});
