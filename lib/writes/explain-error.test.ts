import { describe, expect, it } from "vitest";
import { explainWriteError, type WriteContext } from "./explain-error";

const ctx: WriteContext = {
  verb: "create",
  kind: "LoadBalancer",
  namespace: "default",
  name: "my-lb",
  nameField: "name",
  namespaceField: "namespace",
  fields: ["spec.domain", "spec.targetPort"],
  existingHref: "/loadbalancers/default/my-lb",
  outcome: "Nothing was created.",
};
function err(status: number, reason: string, message: string, details?: object) {
  return { cluster: "consumer", status, reason, message, details };
}

describe("explainWriteError", () => {
  it("a name conflict goes on the name field, with a link to the existing object", () => {
    expect(explainWriteError(err(409, "AlreadyExists", 'loadbalancers "my-lb" already exists'), ctx)).toEqual({
      fieldErrors: {
        name: "A LoadBalancer named my-lb already exists in namespace default. Choose another name, or open the existing one.",
      },
      formError: {
        message:
          "A LoadBalancer named my-lb already exists in namespace default. Choose another name, or open the existing one. Nothing was created.",
        next: { href: "/loadbalancers/default/my-lb", label: "Open my-lb" },
      },
    });
  });

  it("an RBAC denial on create goes on the namespace field, naming the user", () => {
    const e = err(
      403,
      "Forbidden",
      'loadbalancers.networking.kro.run is forbidden: User "alice@example.com" cannot create resource "loadbalancers" in API group "networking.kro.run" in the namespace "team-b"',
    );
    expect(explainWriteError(e, { ...ctx, namespace: "team-b" }).fieldErrors.namespace).toBe(
      "alice@example.com may not create LoadBalancers in namespace team-b on the consumer cluster. Choose a namespace where you have the edit role, or ask the namespace's owners for access.",
    );
  });

  it("an RBAC denial on update is a form error", () => {
    const e = err(403, "Forbidden", 'User "bob@example.com" cannot patch resource "loadbalancers"');
    expect(explainWriteError(e, { ...ctx, verb: "update" }).formError?.message).toBe(
      "bob@example.com may not update LoadBalancers in namespace default on the consumer cluster. Ask the namespace's owners for access. Nothing was created.",
    );
  });

  it("an admission denial goes next to the field its message names", () => {
    const e = err(
      403,
      "Forbidden",
      "loadbalancers.networking.kro.run \"my-lb\" is forbidden: ValidatingAdmissionPolicy 'p' with binding 'p' denied request: spec.domain: reserved",
    );
    const out = explainWriteError(e, ctx);
    expect(Object.keys(out.fieldErrors)).toEqual(["spec.domain"]);
    expect(out.fieldErrors["spec.domain"]).toContain("admission control refused this LoadBalancer");
  });

  it("an admission denial that names no field is a form error", () => {
    const e = err(400, "BadRequest", 'admission webhook "x" denied the request: quota exceeded');
    expect(explainWriteError(e, ctx).formError?.message).toContain("quota exceeded");
  });

  it("an unserved API points to the catalog", () => {
    expect(explainWriteError(err(404, "NotFound", "404 page not found"), ctx).formError).toEqual({
      message:
        "The LoadBalancer API is not served by the consumer cluster: the export is not bound (or the binding was removed). Nothing was created.",
      next: { href: "/catalog", label: "Bind it from the catalog" },
    });
  });

  it("a missing namespace goes on the namespace field", () => {
    const e = err(404, "NotFound", 'namespaces "x" not found', { name: "x", kind: "namespaces" });
    expect(explainWriteError(e, { ...ctx, namespace: "x" }).fieldErrors).toEqual({
      namespace: "The namespace x does not exist on the consumer cluster.",
    });
  });

  it("schema errors go on their fields; unknown ones above the form", () => {
    const e = err(422, "Invalid", "invalid", {
      causes: [
        { field: "spec.targetPort", message: 'Invalid value: "string": must be integer' },
        { field: "metadata.name", message: "a lowercase RFC 1123 subdomain must…" },
        { field: "spec.other", message: "unknown" },
      ],
    });
    expect(explainWriteError(e, ctx)).toEqual({
      fieldErrors: {
        "spec.targetPort": 'The consumer cluster rejected this value: Invalid value: "string": must be integer',
        name: "The consumer cluster rejected this value: a lowercase RFC 1123 subdomain must…",
      },
      formError: {
        message: "The consumer cluster rejected the LoadBalancer: spec.other: unknown Nothing was created.",
      },
    });
  });

  it("a concurrent change and an outage are form errors with the next step", () => {
    expect(explainWriteError(err(409, "Conflict", "modified"), ctx).formError?.message).toContain("Reload");
    expect(explainWriteError(err(0, "Unreachable", "no answer"), ctx).formError?.message).toBe(
      "The consumer cluster did not answer; try again. Nothing was created.",
    );
  });
});
