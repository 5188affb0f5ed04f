import { describe, expect, it } from "vitest";
import { KubeError } from "../k8s/errors";
import { BindStepError, NotYourBindingError } from "./bind-errors";
import { protocolFailure } from "./errors";

async function body(res: Response) {
  return { status: res.status, ...(await res.json()) };
}

describe("kube-bind route failures", () => {
  it("refuse another user's binding with 403", async () => {
    expect(await body(protocolFailure(new NotYourBindingError(), "binding"))).toMatchObject({
      status: 403,
      code: "AUTHORIZATION_FAILED",
      message: "this consumer cluster is already bound to the provider by another user",
    });
  });

  it("report what the backend said", async () => {
    const missing = new BindStepError("provider", "TemplateNotFound", "kube-bind's backend refused the binding: x.");
    expect(await body(protocolFailure(missing, "binding"))).toMatchObject({
      status: 404,
      code: "RESOURCE_NOT_FOUND",
      details: "kube-bind's backend refused the binding: x.",
    });
    const slow = new BindStepError("provider", "Timeout", "kube-bind's backend did not answer.");
    expect(await body(protocolFailure(slow, "binding"))).toMatchObject({
      status: 500,
      code: "INTERNAL_ERROR",
      message: "binding failed",
      details: "kube-bind's backend did not answer.",
    });
  });

  it("keep mapping Kubernetes failures by status", async () => {
    const down = new KubeError("provider", 0, "Unreachable", "the provider cluster did not answer");
    expect(await body(protocolFailure(down, "binding"))).toMatchObject({ status: 502 });
    const forbidden = new KubeError("provider", 403, "Forbidden", "no");
    expect(await body(protocolFailure(forbidden, "binding"))).toMatchObject({ status: 403 });
  });
});
