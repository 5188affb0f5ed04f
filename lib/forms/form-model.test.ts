import { describe, expect, it } from "vitest";
import { recordedLoadBalancerCrd, recordedLoadBalancerOpenApi } from "../../test-support/schema";
import { formModel, humanize, initialValues, valuesFromObject } from "./form-model";
import { type KindSchema, kindSchemaFromCrd, schemaFromOpenApiV3 } from "./json-schema";

describe("form model from the LoadBalancer CRD kro generated (recorded)", () => {
  const kind = kindSchemaFromCrd(recordedLoadBalancerCrd);
  const model = formModel(kind);

  it("knows the kind and where it lives", () => {
    expect(model).toMatchObject({
      group: "networking.kro.run",
      version: "v1alpha1",
      kind: "LoadBalancer",
      plural: "loadbalancers",
      namespaced: true,
    });
  });

  it("has one field per spec property, with types and the targetPort default", () => {
    const byPath = Object.fromEntries(model.fields.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual([
      "spec.configMapRef",
      "spec.domain",
      "spec.targetPort",
      "spec.targetService",
      "spec.targetServiceNamespace",
    ]);
    expect(byPath["spec.targetPort"]).toMatchObject({ kind: "integer", default: 8080, label: "Target port" });
    expect(byPath["spec.domain"]).toMatchObject({ kind: "string", required: false, parent: "spec" });
    expect(byPath["spec.targetServiceNamespace"].label).toBe("Target service namespace");
  });

  it("leaves out status, metadata, apiVersion and kind", () => {
    expect(model.fields.some((f) => /^(status|metadata|apiVersion|kind)\b/.test(f.path))).toBe(false);
  });

  it("starts the form with the defaults", () => {
    expect(initialValues(model)).toEqual({ "spec.targetPort": "8080" });
  });

  it("gives the same model from the published OpenAPI v3 document as from the CRD", () => {
    const schema = schemaFromOpenApiV3(recordedLoadBalancerOpenApi, kind);
    expect(schema).not.toBeNull();
    const fromOpenApi = formModel({ ...kind, schema: schema as KindSchema["schema"] });
    expect(fromOpenApi.fields).toEqual(model.fields);
  });

  it("reads an existing object back into form values", () => {
    const values = valuesFromObject(model, { spec: { domain: "www.example.com", targetPort: 30080 } });
    expect(values).toEqual({ "spec.domain": "www.example.com", "spec.targetPort": "30080" });
  });
});

describe("form model: what any CRD may declare", () => {
  const kind: KindSchema = {
    group: "example.dev",
    version: "v1",
    kind: "Widget",
    plural: "widgets",
    namespaced: false,
    schema: {
      type: "object",
      properties: {
        metadata: { type: "object" },
        spec: {
          type: "object",
          required: ["size", "mode"],
          properties: {
            size: { type: "integer", minimum: 1, maximum: 10, description: "How big." },
            mode: { type: "string", enum: ["fast", "safe"], default: "safe" },
            owner: { type: "string", pattern: "^[a-z]+$" },
            enabled: { type: "boolean" },
            tags: { type: "array", items: { type: "string" } },
            labels: { type: "object", additionalProperties: { type: "string" } },
            rules: { type: "array", items: { type: "object", properties: { a: { type: "string" } } } },
            raw: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
            port: { "x-kubernetes-int-or-string": true },
            tls: { type: "object", required: ["secretName"], properties: { secretName: { type: "string" } } },
          },
        },
      },
    },
  };
  const model = formModel(kind);
  const field = (p: string) => model.fields.find((f) => f.path === p);

  it("maps types, enums, constraints and descriptions", () => {
    expect(field("spec.size")).toMatchObject({
      kind: "integer",
      required: true,
      minimum: 1,
      maximum: 10,
      description: "How big.",
    });
    expect(field("spec.mode")).toMatchObject({
      kind: "enum",
      options: ["fast", "safe"],
      default: "safe",
      required: true,
    });
    expect(field("spec.owner")).toMatchObject({ kind: "string", pattern: "^[a-z]+$", required: false });
    expect(field("spec.enabled")?.kind).toBe("boolean");
    expect(field("spec.tags")).toMatchObject({ kind: "string-list", valueType: "string" });
    expect(field("spec.labels")?.kind).toBe("string-map");
    expect(field("spec.port")).toMatchObject({ kind: "string", intOrString: true });
  });

  it("marks what a form cannot edit, and says why", () => {
    expect(field("spec.rules")).toMatchObject({ kind: "unsupported", unsupported: "a list of objects" });
    expect(field("spec.raw")?.kind).toBe("unsupported");
  });

  it("flattens nested objects into sections; their required fields apply only once the object is used", () => {
    expect(model.sections.map((s) => s.path)).toEqual(["spec", "spec.tls"]);
    expect(field("spec.tls.secretName")).toMatchObject({ required: false, requiredInParent: true, parent: "spec.tls" });
  });

  it("humanizes camelCase keys", () => {
    expect(humanize("configMapRef")).toBe("Config map ref");
    expect(humanize("targetServiceNamespace")).toBe("Target service namespace");
    expect(humanize("TLSConfig")).toBe("TLS config");
  });
});
