import { describe, expect, it } from "vitest";
import { ExportTemplate } from "../k8s/models";
import { describeClaim, describeInstall, describeResource } from "./describe";

// The guide's APIServiceExportTemplate, as the provider serves it.
const template = ExportTemplate.parse({
  metadata: { name: "loadbalancer" },
  spec: {
    resources: [{ group: "networking.kro.run", resource: "loadbalancers", versions: ["v1alpha1"] }],
    permissionClaims: [
      {
        group: "",
        resource: "configmaps",
        selector: {
          references: [
            { resource: "loadbalancers", group: "networking.kro.run", jsonPath: { name: "spec.configMapRef" } },
          ],
        },
      },
    ],
    scope: "Namespaced",
  },
});

describe("plain-language grants", () => {
  it("explains a reference claim", () => {
    expect(describeClaim(template.spec.permissionClaims[0], { loadbalancers: "LoadBalancer" })).toBe(
      "The provider reads the ConfigMap named in the LoadBalancer's configMapRef, and keeps a copy.",
    );
  });

  it("explains label, named and unrestricted claims", () => {
    expect(
      describeClaim({ group: "", resource: "secrets", selector: { labelSelector: { matchLabels: { app: "db" } } } }),
    ).toMatch(/your Secrets labelled app=db/);
    expect(
      describeClaim({
        group: "",
        resource: "secrets",
        selector: { namedResources: [{ name: "creds", namespace: "ns" }] },
      }),
    ).toMatch(/the Secret ns\/creds/);
    expect(describeClaim({ group: "", resource: "serviceaccounts" })).toMatch(/all your ServiceAccounts/);
  });

  it("never shows code formatting to the reader", () => {
    for (const c of template.spec.permissionClaims) expect(describeClaim(c, {})).not.toMatch(/[`]/);
  });

  it("lists what a bind installs on the consumer cluster", () => {
    const installed = describeInstall("loadbalancer").join("\n");
    expect(installed).toMatch(/namespace kube-bind/);
    expect(installed).toMatch(/konnector Deployment/);
    expect(installed).toMatch(/Secret .* kubeconfig/);
    expect(installed).toMatch(/APIServiceBinding named loadbalancer/);
  });

  it("explains an exported resource", () => {
    expect(describeResource(template.spec.resources[0], "Namespaced", { loadbalancers: "LoadBalancer" })).toMatch(
      /^LoadBalancers \(loadbalancers.networking.kro.run, v1alpha1, namespaced\)/,
    );
  });
});
