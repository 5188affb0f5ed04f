import { describe, expect, it } from "vitest";
import { ExportTemplate } from "../k8s/models";
import { bindState } from "./bind-state";

const template = ExportTemplate.parse({
  metadata: { name: "loadbalancer" },
  spec: { resources: [{ group: "networking.kro.run", resource: "loadbalancers", versions: ["v1alpha1"] }] },
});

// The APIServiceBinding the portal's browser bind leaves on the consumer (as recorded from the sandbox).
const binding = {
  apiVersion: "kube-bind.io/v1alpha2",
  kind: "APIServiceBinding",
  metadata: {
    name: "loadbalancer",
    creationTimestamp: "2026-12-03T12:33:01Z",
    managedFields: [
      { manager: "kube-bind-portal", operation: "Update" },
      { manager: "konnector", operation: "Update" },
    ],
  },
  status: {
    boundSchemas: [{ group: "networking.kro.run", resource: "loadbalancers" }],
    conditions: [{ type: "Ready", status: "True" }],
  },
};
const served = new Set(["networking.kro.run/loadbalancers"]);

describe("an export's bind state", () => {
  it("is bound, by the portal, since the binding's creation, when the user sees the binding", () => {
    expect(bindState(template, { served, bindings: [binding], mayBind: true })).toEqual({
      state: "bound",
      binding: "loadbalancer",
      since: "2026-12-03T12:33:01Z",
      via: "the portal",
      ready: true,
      problem: undefined,
    });
  });

  it("finds a binding by its bound schemas whatever its name, and reports a binding not Ready", () => {
    const other = {
      ...binding,
      metadata: { name: "lbs", managedFields: [{ manager: "kubectl-bind" }] },
      status: { ...binding.status, conditions: [{ type: "Ready", status: "False", message: "secret missing" }] },
    };
    expect(bindState(template, { served: new Set(), bindings: [other], mayBind: true })).toMatchObject({
      state: "bound",
      binding: "lbs",
      via: "kubectl bind",
      ready: false,
      problem: "secret missing",
    });
  });

  it("is bound by an administrator when the cluster serves it but the user may not list bindings", () => {
    expect(bindState(template, { served, bindings: "forbidden", mayBind: false })).toEqual({ state: "bound-by-admin" });
  });

  it("is not bound when the cluster does not serve it, and says whether the user may bind", () => {
    expect(bindState(template, { served: new Set(), bindings: [], mayBind: true })).toEqual({
      state: "not-bound",
      mayBind: true,
    });
    expect(bindState(template, { served: new Set(), bindings: "forbidden", mayBind: false })).toEqual({
      state: "not-bound",
      mayBind: false,
    });
  });

  it("ignores bindings of other exports and objects that are not bindings", () => {
    const unrelated = {
      metadata: { name: "widgets" },
      status: { boundSchemas: [{ group: "example.dev", resource: "widgets" }] },
    };
    expect(bindState(template, { served: new Set(), bindings: [unrelated, { nope: 1 }], mayBind: true })).toEqual({
      state: "not-bound",
      mayBind: true,
    });
  });
});
