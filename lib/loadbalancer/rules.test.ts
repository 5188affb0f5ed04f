// Create and edit run one validation of the platform's rules: the same bad values are refused on
// both paths, each with its field named.
import { describe, expect, it } from "vitest";
import { BAD_HEADER_VALUES, GUIDE_VALUES as values } from "../../test-support/guide";
import { recordedLoadBalancerCrd } from "../../test-support/schema";
import { kindSchemaFromCrd } from "../forms/json-schema";
import { parseDraft } from "./draft";
import { HEADER_FIELD, parseEdit } from "./edit-input";
import { loadBalancerModel } from "./form";
import { parseSharedTargets } from "./policy";

const model = loadBalancerModel(kindSchemaFromCrd(recordedLoadBalancerCrd));
const shared = parseSharedTargets("default/backend");
const create = (header: string, over: Record<string, string> = {}) =>
  parseDraft(
    model,
    {
      namespace: "default",
      name: "my-lb",
      values: { ...values, ...over },
      configMap: {
        mode: "new",
        entries: [
          { key: "other", value: "x" },
          { key: "custom-header", value: header },
        ],
      },
    },
    shared,
  );
const edit = (header: string, over: Record<string, string> = {}) =>
  parseEdit(model, {
    namespace: "default",
    name: "my-lb",
    values: { "spec.domain": values["spec.domain"], "spec.targetPort": values["spec.targetPort"], ...over },
    header,
  });
const errors = (r: { ok: boolean; fieldErrors?: Record<string, string> }): Record<string, string> =>
  (r.ok ? {} : r.fieldErrors) ?? {};

describe("one validation for create and edit", () => {
  it.each(BAD_HEADER_VALUES)("refuses a header value with %s on both, naming the field", (_, header, rule) => {
    const message = `The header value (custom-header) ${rule}`;
    expect(errors(create(header))["configMap.entries.1.value"]).toContain(message);
    expect(errors(edit(header))[HEADER_FIELD]).toContain(message);
  });

  it("accepts a printable header of 4096 characters on both", () => {
    expect(create("a".repeat(4096)).ok).toBe(true);
    expect(edit("a".repeat(4096)).ok).toBe(true);
  });

  it.each([["Bad_Host"], ["1.2.3.4"], ["www..example.com"]])("refuses the domain %s on both", (domain) => {
    expect(errors(create("ok", { "spec.domain": domain }))["spec.domain"]).toBeTruthy();
    expect(errors(edit("ok", { "spec.domain": domain }))["spec.domain"]).toBeTruthy();
  });

  it.each([
    ["kube-bind-portal", "kube-bind-portal"],
    ["default", "kubernetes"],
    ["kube-system", "kube-dns"],
  ])("refuses the target %s/%s outside the shared targets on create", (namespace, service) => {
    const r = create("ok", { "spec.targetServiceNamespace": namespace, "spec.targetService": service });
    expect(errors(r)["spec.targetServiceNamespace"]).toBe(
      `spec.targetServiceNamespace: ${namespace}/${service} is not a target this LoadBalancer may use; a LoadBalancer may route only to Services in its own namespace or to the platform's shared targets (default/backend).`,
    );
  });

  it("leaves the target to the server when the shared targets are unknown (the browser)", () => {
    const r = parseDraft(model, {
      namespace: "default",
      name: "my-lb",
      values: { ...values, "spec.targetServiceNamespace": "kube-system" },
      configMap: { mode: "existing" },
    });
    expect(r.ok).toBe(true);
  });
});
