// The setup checklist against objects recorded from the sandbox (test-support/record/provider.ts): the setup as
// the sandbox makes it, and each step broken on the real provider.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/types";
import { evaluateChecklist, STALL_MS } from "./checklist";
import { ADDRESS_EXPRESSION } from "./fixes";
import { byName, recorded } from "./fixtures/load";
import type { ProviderSnapshot } from "./snapshot";
import type { Check, CheckId } from "./types";

const checks = (s: ProviderSnapshot) =>
  Object.fromEntries(evaluateChecklist(s).map((c) => [c.id, c])) as Record<CheckId, Check>;
const states = (s: ProviderSnapshot) => Object.fromEntries(evaluateChecklist(s).map((c) => [c.id, c.state]));
const conditions = (o: KubeObject | undefined) =>
  (o?.status as { conditions?: Record<string, unknown>[] } | undefined)?.conditions ?? [];
const ago = (s: ProviderSnapshot, ms: number) => new Date(s.now - ms).toISOString();

describe("setup checklist: the sandbox's own setup", () => {
  it("every step passes, in the guide's order, each saying what it verified", () => {
    const result = evaluateChecklist(recorded("healthy"));
    expect(result.map((c) => [c.id, c.state])).toEqual([
      ["backend", "ok"],
      ["kro", "ok"],
      ["export", "ok"],
      ["gatewayclass", "ok"],
      ["network", "ok"],
    ]);
    const c = Object.fromEntries(result.map((x) => [x.id, x]));
    expect(c.backend.verified).toEqual([
      "kube-bind's CRDs: all 9 installed and served at v1alpha2.",
      'Cluster "default" exists: the backend created it when it started.',
      "No export or bind request has waited for the backend for more than a minute.",
    ]);
    expect(c.kro.verified.join(" ")).toMatch(
      /RGD loadbalancers is Active .*CRD loadbalancers\.networking\.kro\.run is established and serves v1alpha1/,
    );
    expect(c.export.verified).toContain(
      "Template loadbalancer exports loadbalancers.networking.kro.run v1alpha1, labelled kube-bind.io/exported=true.",
    );
    expect(c.export.verified.join(" ")).toContain("configmaps referenced by loadbalancers' spec.configMapRef");
    expect(c.gatewayclass.summary).toBe("GatewayClass eg is accepted by Envoy Gateway.");
    expect(c.network.verified.join(" ")).toMatch(/EndpointSlice backend: 1 ready address \(198\.51\.100\.10:\d+\)/);
    for (const check of result) expect(check.problems).toEqual([]);
  });
});

describe("setup checklist: each step broken on the real provider", () => {
  it("the guide's original RGD: kro's rejection in plain words, kro's own text, and the corrected RGD", () => {
    const s = recorded("guide-rgd");
    expect(states(s)).toEqual({ backend: "ok", kro: "failed", export: "ok", gatewayclass: "ok", network: "ok" });
    const [problem] = checks(s).kro.problems;
    expect(problem.text).toContain("kro rejected RGD loadbalancers");
    expect(problem.text).toContain('status.address is a plain type (like "address: string"');
    expect(problem.detail).toBe(
      "kro: GraphAccepted=False (InvalidResourceGraph): failed to build instance status schema: status fields without expressions are not supported: [address]",
    );
    expect(problem.fix?.yaml).toContain(`address: ${ADDRESS_EXPRESSION}`);
    expect(problem.fix?.yaml).toMatch(/^kubectl apply -f - <<'EOF'\n/);
  });

  it("GatewayClass eg deleted: says what it breaks and gives the guide's GatewayClass", () => {
    const s = recorded("no-gatewayclass");
    expect(states(s)).toEqual({ backend: "ok", kro: "ok", export: "ok", gatewayclass: "failed", network: "ok" });
    const c = checks(s).gatewayclass;
    expect(c.summary).toMatch(/^GatewayClass eg does not exist: every Gateway kro makes/);
    expect(c.problems[0].fix?.yaml).toContain(
      "name: eg\nspec:\n  controllerName: gateway.envoyproxy.io/gatewayclass-controller",
    );
  });

  it("export label removed: the backend's schema source no longer serves the CRD; the label command fixes it", () => {
    const s = recorded("no-export-label");
    expect(states(s)).toEqual({ backend: "ok", kro: "ok", export: "failed", gatewayclass: "ok", network: "ok" });
    const [problem] = checks(s).export.problems;
    expect(problem.text).toContain("CRD loadbalancers.networking.kro.run lacks the label kube-bind.io/exported=true");
    expect(problem.fix?.command).toBe(
      "kubectl label crd loadbalancers.networking.kro.run kube-bind.io/exported=true --overwrite",
    );
  });

  it("a stopped konnector is no setup problem: the checklist stays green (the consumers show it)", () => {
    expect(new Set(Object.values(states(recorded("konnector-stopped"))))).toEqual(new Set(["ok"]));
  });
});

describe("setup checklist: kube-bind's backend", () => {
  it("a missing or outdated CRD is named, with the release's crds/ to apply", () => {
    const s = recorded("healthy", (x) => {
      x.crds = x.crds.filter((c) => c.metadata.name !== "bindableresourcesrequests.kube-bind.io");
      const cb = byName(x.crds, "clusterbindings.kube-bind.io") as KubeObject & {
        spec: { versions: { served: boolean }[] };
      };
      for (const v of cb.spec.versions) v.served = false;
    });
    const c = checks(s).backend;
    expect(c.state).toBe("failed");
    expect(c.summary).toBe(
      "kube-bind's backend needs its CRDs at v1alpha2; these are missing or at another version: clusterbindings.kube-bind.io, bindableresourcesrequests.kube-bind.io.",
    );
    expect(c.problems[0].fix?.command).toBe("kubectl apply --server-side --force-conflicts -f crds/");
  });

  it("no Cluster default: the backend never started", () => {
    const c = checks(recorded("healthy", (x) => (x.clusters = []))).backend;
    expect(c.state).toBe("failed");
    expect(c.summary).toMatch(/backend has not started on this provider/);
    expect(c.problems[0].fix?.command).toContain("--frontend-disabled");
  });

  it("a request waits: only after a minute does it count against the backend", () => {
    const waiting = (age: number) =>
      recorded("healthy", (x) => {
        x.exportRequests.push({
          apiVersion: "kube-bind.io/v1alpha2",
          kind: "APIServiceExportRequest",
          metadata: { name: "stuck", namespace: "kube-bind-x", creationTimestamp: ago(x, age) },
        });
      });
    expect(checks(waiting(10_000)).backend.state).toBe("ok");
    const c = checks(waiting(STALL_MS + 5_000)).backend;
    expect(c.state).toBe("failed");
    expect(c.summary).toBe(
      "1 request waited more than a minute for kube-bind's backend, which answers within seconds when it runs: kube-bind-x/stuck.",
    );
  });
});

describe("setup checklist: kro", () => {
  it("kro not installed: no RGD API, install it with Helm", () => {
    const c = checks(
      recorded("healthy", (x) => (x.crds = x.crds.filter((o) => !o.metadata.name.endsWith(".kro.run")))),
    );
    expect(c.kro.state).toBe("failed");
    expect(c.kro.problems[0].fix?.command).toContain("helm install kro oci://registry.k8s.io/kro/charts/kro");
  });

  it("no LoadBalancer RGD: the corrected RGD to apply", () => {
    const c = checks(recorded("healthy", (x) => (x.rgds = []))).kro;
    expect(c.summary).toBe("There is no ResourceGraphDefinition for LoadBalancers (the guide names it loadbalancers).");
    expect(c.problems[0].fix?.yaml).toContain("kind: ResourceGraphDefinition");
  });

  it("kro has not processed the RGD's latest change: waiting at first, a sign kro is down after a minute", () => {
    const bumped = (since: number) =>
      recorded("healthy", (x) => {
        const rgd = x.rgds[0];
        rgd.metadata.generation = (rgd.metadata.generation ?? 1) + 1;
        x.seenSince = () => x.now - since;
      });
    const early = checks(bumped(5_000)).kro;
    expect(early.state).toBe("waiting");
    expect(early.summary).toMatch(/^kro is processing generation \d+ of RGD loadbalancers\.$/);
    const late = checks(bumped(STALL_MS + 1_000)).kro;
    expect(late.state).toBe("failed");
    expect(late.summary).toMatch(/kro may not be running/);
    expect(late.problems[0].fix?.command).toContain("kubectl -n kro-system get pods");
  });

  it("a rejection kro words in a way the console does not know is still shown, in kro's words", () => {
    const s = recorded("guide-rgd", (x) => {
      for (const c of conditions(x.rgds[0])) if (c.status === "False") c.message = "something new went wrong";
    });
    const [problem] = checks(s).kro.problems;
    expect(problem.text).toBe(
      "kro rejected RGD loadbalancers: it serves no new version of LoadBalancers until it is fixed.",
    );
    expect(problem.detail).toContain("something new went wrong");
  });
});

describe("setup checklist: GatewayClass and network", () => {
  it("Envoy Gateway refused the class: its reason is quoted", () => {
    const s = recorded("healthy", (x) => {
      const [accepted] = conditions(x.gatewayClasses[0]);
      Object.assign(accepted, { status: "False", reason: "InvalidParameters", message: "parametersRef is invalid" });
    });
    const [problem] = checks(s).gatewayclass.problems;
    expect(problem.text).toBe("Envoy Gateway did not accept GatewayClass eg.");
    expect(problem.detail).toBe("Envoy Gateway: Accepted=False (InvalidParameters): parametersRef is invalid");
  });

  it("nobody accepted a new class: waiting, then Envoy Gateway is probably not running", () => {
    const unclaimed = (age: number) =>
      recorded("healthy", (x) => {
        const gc = x.gatewayClasses[0];
        gc.metadata.creationTimestamp = ago(x, age);
        gc.status = {};
      });
    expect(checks(unclaimed(5_000)).gatewayclass.state).toBe("waiting");
    const c = checks(unclaimed(STALL_MS * 2)).gatewayclass;
    expect(c.state).toBe("failed");
    expect(c.problems[0].fix?.command).toContain("helm install eg oci://docker.io/envoyproxy/gateway-helm");
  });

  it("the backend Service without EndpointSlice, without ready address, or with another port name", () => {
    const noSlice = checks(recorded("healthy", (x) => (x.endpointSlices = []))).network;
    expect(noSlice.summary).toMatch(/^Service default\/backend has no EndpointSlice/);
    expect(noSlice.problems[0].fix?.yaml).toContain("kind: EndpointSlice");
    const notReady = checks(
      recorded("healthy", (x) => {
        for (const e of (x.endpointSlices[0] as unknown as { endpoints: { conditions: { ready: boolean } }[] })
          .endpoints)
          e.conditions.ready = false;
      }),
    ).network;
    expect(notReady.summary).toBe("EndpointSlice backend has no ready address: traffic has nowhere to go.");
    const renamed = checks(
      recorded("healthy", (x) => {
        for (const p of (x.endpointSlices[0] as unknown as { ports: { name: string }[] }).ports) p.name = "web";
      }),
    ).network;
    expect(renamed.summary).toMatch(/has no port named like the Service's \(http\)/);
    const noService = checks(recorded("healthy", (x) => (x.services = []))).network;
    expect(noService.summary).toMatch(/^There is no Service default\/backend/);
  });
});
