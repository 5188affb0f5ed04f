import { describe, expect, it } from "vitest";
import { exportRows } from "./exports";
import { recorded } from "./fixtures/load";

describe("export rows", () => {
  it("the guide's template: its resource, claim, consumer and kro instances by state", () => {
    const s = recorded("healthy");
    expect(exportRows(s)).toEqual([
      {
        namespace: "",
        name: "loadbalancer",
        scope: "Namespaced",
        resources: [
          {
            name: "loadbalancers.networking.kro.run",
            kind: "LoadBalancer",
            versions: ["v1alpha1"],
            served: true,
            states: { ACTIVE: 1 },
            total: 1,
            notReady: 0,
          },
        ],
        claims: [{ resource: "configmaps", selects: "referenced by loadbalancers' spec.configMapRef" }],
        consumers: [s.clusterBindings[0].metadata.namespace],
      },
    ]);
  });

  it("a CRD without the export label is not served; instances without a state count as none", () => {
    const s = recorded("no-export-label", (x) => {
      const lb = x.instances["loadbalancers.networking.kro.run"][0];
      x.instances["loadbalancers.networking.kro.run"].push({
        ...lb,
        metadata: { ...lb.metadata, name: "fresh", uid: "u-fresh" },
        status: undefined,
      });
    });
    const [row] = exportRows(s);
    expect(row.resources[0]).toMatchObject({ served: false, states: { ACTIVE: 1, none: 1 }, total: 2, notReady: 1 });
  });

  it("a consumer counts for a template only when its export covers every resource of it", () => {
    const s = recorded("healthy", (x) => {
      const spec = x.templates[0].spec as { resources: { group: string; resource: string }[] };
      spec.resources.push({ group: "example.com", resource: "widgets" });
    });
    expect(exportRows(s)[0].consumers).toEqual([]);
  });
});
