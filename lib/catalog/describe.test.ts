import { describe, expect, it } from "vitest";
import { describeClaim, describeResource } from "./describe";
import { ExportTemplateSchema } from "./templates";

// The guide's APIServiceExportTemplate, as the provider serves it.
const template = ExportTemplateSchema.parse({
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
      "reads the ConfigMaps named in `spec.configMapRef` of your LoadBalancers (copied to the provider)",
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

  it("explains an exported resource", () => {
    expect(describeResource(template.spec.resources[0], "Namespaced", { loadbalancers: "LoadBalancer" })).toMatch(
      /^LoadBalancers \(loadbalancers.networking.kro.run, v1alpha1, namespaced\)/,
    );
  });
});
