// Cluster test (SANDBOX_STATE): the LoadBalancer CRD exactly as real kro generated it on the
// sandbox's provider, through form model and validator; and the recorded fixture still matches.
import { beforeAll, describe, expect, it } from "vitest";
import { GUIDE_VALUES } from "../../test-support/guide";
import { sandboxClient } from "../../test-support/k8s";
import { readProviderCrd } from "../../test-support/record/schema-crd";
import { recordedLoadBalancerCrd } from "../../test-support/schema";
import { loadBalancerModel } from "../loadbalancer/form";
import { formModel } from "./form-model";
import { type KindSchema, kindSchemaFromCrd, schemaFromOpenApiV3 } from "./json-schema";
import { openApiV3 } from "./served";
import { fieldErrorsOf, formValidator } from "./validator";

const NAME = "loadbalancers.networking.kro.run";
let live: KindSchema;

beforeAll(async () => {
  live = kindSchemaFromCrd(await readProviderCrd(NAME));
});

/** Creates the validated fragment as object `name` on the provider, as a server-side dry run. */
async function dryRunCreate(name: string, fragment: Record<string, unknown>) {
  const admin = await sandboxClient("provider", "admin");
  return admin.create(
    { group: live.group, version: live.version, resource: live.plural, namespace: "default" },
    { apiVersion: `${live.group}/${live.version}`, kind: live.kind, metadata: { name }, ...fragment },
    { dryRun: true },
  );
}

describe("the LoadBalancer CRD kro generated on the provider", () => {
  it("is the one recorded in lib/forms/fixtures (re-record with test-support/record/schema-crd.ts if kro changed)", () => {
    expect(live.schema).toEqual(kindSchemaFromCrd(recordedLoadBalancerCrd).schema);
  });

  it("becomes a form with the five spec fields and the targetPort default 8080", () => {
    const model = formModel(live);
    expect(model.fields.map((f) => [f.path, f.kind, f.default])).toEqual([
      ["spec.configMapRef", "string", undefined],
      ["spec.domain", "string", undefined],
      ["spec.targetPort", "integer", 8080],
      ["spec.targetService", "string", undefined],
      ["spec.targetServiceNamespace", "string", undefined],
    ]);
  });

  it("validates the guide's values into an object the provider's apiserver accepts (dry run)", async () => {
    const fragment = formValidator(loadBalancerModel(live)).parse(GUIDE_VALUES);
    const created = await dryRunCreate("schema-dry-run", fragment);
    expect(created.spec).toEqual(fragment.spec);
  });

  it("lets the apiserver default targetPort when the form leaves it empty", async () => {
    const fragment = formValidator(formModel(live)).parse({ "spec.domain": "a.example.com", "spec.targetPort": "" });
    const created = await dryRunCreate("schema-default", fragment);
    expect(created.spec).toEqual({ domain: "a.example.com", targetPort: 8080 });
  });

  it("rejects bad values with messages on their fields", () => {
    const r = formValidator(loadBalancerModel(live)).safeParse({
      "spec.domain": "Not A Host",
      "spec.targetPort": "70000",
    });
    expect(r.success).toBe(false);
    const errors = r.success ? {} : fieldErrorsOf(r.error);
    expect(errors["spec.domain"]).toMatch(/Domain must be a hostname/);
    expect(errors["spec.targetPort"]).toBe("Target port must be a whole number from 1 to 65535 (got 70000).");
  });

  it("is published the same way in OpenAPI v3, readable by a user without rights on the provider", async () => {
    const alice = await sandboxClient("provider", "alice");
    const schema = schemaFromOpenApiV3(await openApiV3(alice, live.group, live.version), live);
    expect(schema).not.toBeNull();
    expect(formModel({ ...live, schema: schema as KindSchema["schema"] }).fields).toEqual(formModel(live).fields);
  });
});
