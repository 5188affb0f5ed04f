// The YAML the console offers as fixes is exactly what the sandbox applies (the guide's, with the
// RGD's status.address as an expression), and the guide's original differs from it where kro
// rejects it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ADDRESS_EXPRESSION, EXPORT_TEMPLATE_YAML, LOADBALANCER_RGD_YAML } from "./fixes";

const manifest = (name: string) =>
  parse(readFileSync(join(import.meta.dirname, "..", "..", "sandbox", "manifests", name), "utf8"));

describe("fix YAML", () => {
  it("the RGD is the sandbox's LoadBalancer RGD", () => {
    expect(parse(LOADBALANCER_RGD_YAML)).toEqual(manifest("loadbalancer-rgd.yaml"));
  });

  it("the export template is the sandbox's (the guide's)", () => {
    expect(parse(EXPORT_TEMPLATE_YAML)).toEqual(manifest("loadbalancer-export-template.yaml"));
  });

  it("the guide's original RGD, which tests apply to break kro, has status.address: string", () => {
    const guide = manifest("guide-loadbalancer-rgd.yaml");
    expect(guide.spec.schema.status).toEqual({ address: "string" });
    expect(parse(LOADBALANCER_RGD_YAML).spec.schema.status).toEqual({
      address: ADDRESS_EXPRESSION,
    });
  });
});
