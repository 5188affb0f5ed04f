import { describe, expect, it } from "vitest";
import {
  bindableResourcesRequest,
  kubeconfigFromResponseSecret,
  kubeconfigNamespace,
  kubeconfigServer,
  requestError,
  requestOutcome,
} from "./backend-request";
import { BindStepError } from "./bind-errors";
import {
  BINDING_NAMESPACE,
  bindingResourceResponse,
  handleResourcesFailedRequest,
  pendingRequest,
  providerKubeconfig,
  responseSecret,
  succeededRequest,
  templateNotFoundRequest,
} from "./fixtures/backend";

describe("the BindableResourcesRequest the portal creates", () => {
  it("names template, cluster identity, author and a TTL, with a generated name", () => {
    expect(
      bindableResourcesRequest({
        namespace: "kube-bind-portal",
        template: "loadbalancer",
        identity: "6f1c2a4e",
        prettyName: "loadbalancer",
        author: "admin@example.com",
      }),
    ).toEqual({
      apiVersion: "kube-bind.io/v1alpha2",
      kind: "BindableResourcesRequest",
      metadata: {
        generateName: "bind-",
        namespace: "kube-bind-portal",
        labels: { "app.kubernetes.io/managed-by": "kube-bind-portal" },
      },
      spec: {
        templateRef: { name: "loadbalancer" },
        clusterIdentity: { identity: "6f1c2a4e", prettyName: "loadbalancer" },
        author: "admin@example.com",
        ttlAfterFinished: "10m",
      },
    });
  });
});

describe("the backend's answer", () => {
  it("is pending until the phase says otherwise", () => {
    expect(requestOutcome(pendingRequest)).toEqual({ state: "pending" });
    expect(requestOutcome({ metadata: { name: "bind-1" } })).toEqual({ state: "pending" });
  });

  it("names the provider namespace and the response Secret when it succeeded", () => {
    expect(requestOutcome(succeededRequest)).toEqual({
      state: "succeeded",
      namespace: BINDING_NAMESPACE,
      secret: { name: "bind-7xk2p-binding-response", key: "binding-response" },
    });
  });

  it("fails with the Ready condition's reason and message", () => {
    const outcome = requestOutcome(templateNotFoundRequest);
    expect(outcome).toEqual({
      state: "failed",
      reason: "TemplateNotFound",
      message: 'APIServiceExportTemplate "loadbalancer" not found',
    });
    const error = requestError(outcome, 60);
    expect(error).toBeInstanceOf(BindStepError);
    expect(error).toMatchObject({ step: "provider", reason: "TemplateNotFound" });
    expect(error.message).toBe(
      'kube-bind\'s backend refused the binding: APIServiceExportTemplate "loadbalancer" not found.',
    );
  });

  it("keeps a failed handshake pending (the backend retries) and reports it on the deadline", () => {
    const outcome = requestOutcome(handleResourcesFailedRequest);
    expect(outcome).toMatchObject({ state: "pending", reason: "HandleResourcesFailed" });
    const error = requestError(outcome, 60);
    expect(error.reason).toBe("HandleResourcesFailed");
    expect(error.message).toMatch(
      /^kube-bind's backend could not set up the binding within 60 s: Failed to handle resources: found multiple namespaces/,
    );
  });

  it("says the backend did not answer when nothing at all happened", () => {
    expect(requestError(requestOutcome(pendingRequest), 60)).toMatchObject({
      reason: "Timeout",
      message: "kube-bind's backend did not answer the binding request within 60 s. Is it running on the provider?",
    });
  });

  it("refuses a success without namespace or Secret, and an unreadable object", () => {
    const broken = { ...succeededRequest, status: { ...succeededRequest.status, namespace: undefined } };
    expect(() => requestOutcome(broken)).toThrow(/named no provider namespace or Secret/);
    expect(() => requestOutcome({ status: { phase: "Succeeded" } })).toThrow(BindStepError);
  });
});

describe("the binding response Secret", () => {
  it("holds the provider kubeconfig, base64 inside JSON inside the Secret's data", () => {
    const secret = responseSecret(bindingResourceResponse());
    expect(kubeconfigFromResponseSecret(secret, "binding-response")).toBe(providerKubeconfig());
  });

  it("is read whatever else the response carries", () => {
    const { kind, apiVersion, authentication, requests, ...bare } = bindingResourceResponse();
    expect(kubeconfigFromResponseSecret(responseSecret(bare), "binding-response")).toBe(providerKubeconfig());
    void [kind, apiVersion, authentication, requests];
  });

  it.each([
    ["no entry under the key", { data: {} }, /has no binding-response entry/],
    ["no JSON", { data: { "binding-response": Buffer.from("not json").toString("base64") } }, /holds no JSON/],
    ["no kubeconfig", responseSecret({ kind: "BindingResourceResponse" }), /holds no kubeconfig/],
    [
      "a kubeconfig without a namespace",
      responseSecret(bindingResourceResponse(providerKubeconfig().replace(/ {4}namespace: .*\n/, ""))),
      /sets no namespace/,
    ],
  ])("is refused with %s", (_, secret, message) => {
    expect(() => kubeconfigFromResponseSecret(secret, "binding-response")).toThrow(message);
  });
});

describe("a provider kubeconfig's namespace", () => {
  it("is its current context's", () => {
    expect(kubeconfigNamespace(providerKubeconfig("kube-bind-abc"))).toBe("kube-bind-abc");
    expect(kubeconfigServer(providerKubeconfig("kube-bind-abc"))).toMatch(/^https:\/\//);
  });

  it("is refused when the text is no kubeconfig", () => {
    expect(() => kubeconfigNamespace("{")).toThrow(/is not a kubeconfig/);
    expect(() => kubeconfigNamespace("kind: Config\n")).toThrow(/is not a kubeconfig/);
  });
});
