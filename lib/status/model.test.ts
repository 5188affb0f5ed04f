import { describe, expect, it } from "vitest";
import {
  consumerConfigMap,
  consumerLoadBalancer,
  type Frame,
  frame,
  frameWhere,
  inputFrom,
  plus,
  recorded,
} from "./fixtures/load";
import { dashboardRow, loadBalancerStatus } from "./model";
import type { LoadBalancerStatus, StageId, StatusInput } from "./types";

const stageOf = (s: LoadBalancerStatus, id: StageId) => {
  const found = s.stages.find((x) => x.id === id);
  if (!found) throw new Error(`no stage ${id}`);
  return found;
};
const states = (s: LoadBalancerStatus) => Object.fromEntries(s.stages.map((x) => [x.id, x.state]));

// Taken from the recording, so that re-recording (test-support/record/status.ts) needs no edits here.
const settled = frame("healthy");
const created = (o: unknown) => (o as { metadata: { creationTimestamp: string } }).metadata.creationTimestamp;
const CREATED = created(settled.loadBalancer);
const ADDRESS = (settled.gateway as { status: { addresses: { value: string }[] } }).status.addresses[0].value;
/** the binding's provider namespace for consumer namespace `default` */
const NS = (settled.loadBalancer as { metadata: { namespace: string } }).metadata.namespace;
const conditionOf = (o: unknown, type: string) =>
  (o as { status?: { conditions?: { type: string; status: string }[] } } | undefined)?.status?.conditions?.find(
    (c) => c.type === type,
  )?.status;
/** Both copies on the provider; neither kro nor Envoy Gateway has done anything yet. */
const untouched = () =>
  frameWhere(
    "healthy",
    "both copies exist and nothing else has happened yet",
    (f) => Boolean(f.configMap) && !f.loadBalancer?.status && !f.gateway,
  );
/** kro made its children, Envoy Gateway has not accepted the Gateway yet. */
const childrenOnly = () =>
  frameWhere(
    "healthy",
    "kro's children exist but the Gateway is not accepted",
    (f: Frame) =>
      Boolean(f.referenceGrant && f.gateway && f.httpRoute) && conditionOf(f.gateway, "Accepted") !== "True",
  );
const children = childrenOnly();
/** the konnector's last heartbeat in the recorded ClusterBinding */
const HEARTBEAT = (recorded.binding.clusterBinding.status as { lastHeartbeatTime: string }).lastHeartbeatTime;
const CHILDREN_CREATED = [children.gateway, children.httpRoute, children.referenceGrant].map(created).sort().at(-1);

describe("status model: stages of a healthy create (recorded timeline)", () => {
  it("Requested: the consumer object exists, nothing on the provider yet", () => {
    const f = untouched();
    const input = inputFrom(f, { drop: ["loadBalancer", "configMap", "rgd"] });
    const s = loadBalancerStatus(input);
    expect(stageOf(s, "requested")).toMatchObject({ state: "done", since: CREATED });
    expect(stageOf(s, "synced")).toMatchObject({ state: "in-progress", message: expect.stringContaining("konnector") });
    expect(s.current).toBe("synced");
    expect(s.summary).toMatch(/^Synced to provider: /);
    expect(s.ready).toBe(false);
  });

  it("Synced to provider and Settings synced: the copies exist, kro has not answered yet", () => {
    const s = loadBalancerStatus(inputFrom(untouched()));
    expect(stageOf(s, "synced")).toMatchObject({
      state: "done",
      message: `Copied to namespace ${NS} on the provider.`,
    });
    expect(stageOf(s, "settings")).toMatchObject({
      state: "done",
      message: "ConfigMap shop-settings is on the provider.",
    });
    expect(stageOf(s, "resources")).toMatchObject({ state: "in-progress", message: expect.stringContaining("kro") });
    expect(s.current).toBe("resources");
  });

  it("kro resources created: grant, Gateway and route exist while Envoy Gateway has not answered", () => {
    const s = loadBalancerStatus(inputFrom(childrenOnly()));
    expect(stageOf(s, "resources")).toMatchObject({ state: "done", since: CHILDREN_CREATED });
    expect(stageOf(s, "routing")).toMatchObject({ state: "in-progress", message: expect.stringContaining("shop-gw") });
    expect(stageOf(s, "address")).toMatchObject({ state: "pending" });
    expect(s.current).toBe("routing");
  });

  it("Gateway and route accepted, Address assigned; Ready waits for the status to come back", () => {
    const s = loadBalancerStatus(inputFrom(settled));
    expect(stageOf(s, "routing")).toMatchObject({ state: "done" });
    expect(stageOf(s, "address")).toMatchObject({ state: "done", message: `Reachable at ${ADDRESS}.` });
    expect(stageOf(s, "ready")).toMatchObject({ state: "in-progress", message: expect.stringContaining("come back") });
    expect(s).toMatchObject({ current: "ready", ready: false });
  });

  it("Ready: the status came back to the consumer", () => {
    const s = loadBalancerStatus(inputFrom(frame("healthy"), { withStatus: true }));
    expect(Object.values(states(s)).every((x) => x === "done")).toBe(true);
    expect(s).toMatchObject({ current: "ready", ready: true, address: ADDRESS, deleting: false });
    expect(s.summary).toBe(`Ready: shop.example.com is served at ${ADDRESS}.`);
    const recorded = Date.parse(settled.at);
    for (const stage of s.stages) {
      const since = Date.parse(stage.since ?? "");
      expect(since, stage.id).toBeGreaterThanOrEqual(Date.parse(CREATED));
      expect(since, stage.id).toBeLessThanOrEqual(recorded);
    }
  });
});

describe("status model: what blocks, and how to fix it", () => {
  it("ConfigMap missing on the consumer", () => {
    const s = loadBalancerStatus(inputFrom(frame("missing-configmap")));
    expect(stageOf(s, "settings")).toMatchObject({
      state: "blocked",
      reason: "ConfigMapMissing",
      message: "ConfigMap nocm-settings does not exist in namespace default; create it with a custom-header key.",
    });
    expect(stageOf(s, "resources")).toMatchObject({ state: "blocked", reason: "ConfigMapMissing" });
    expect(s.current).toBe("settings");
    expect(s.summary).toBe(stageOf(s, "settings").message);
  });

  it("ConfigMap missing, seen only through kro when the user may not read ConfigMaps", () => {
    const input = inputFrom(frame("missing-configmap"));
    input.consumer.configMap = undefined;
    expect(stageOf(loadBalancerStatus(input), "settings")).toMatchObject({
      state: "blocked",
      reason: "ConfigMapMissing",
    });
  });

  it("ConfigMap without the custom-header key (the sandbox RGD falls back to a default header)", () => {
    const s = loadBalancerStatus(inputFrom(frame("configmap-without-key"), { withStatus: true }));
    expect(stageOf(s, "settings")).toMatchObject({
      state: "blocked",
      reason: "ConfigMapKeyMissing",
      message: expect.stringContaining("kubectl -n default edit configmap nokey-settings"),
    });
    expect(s).toMatchObject({ current: "settings", ready: true });
  });

  it("ConfigMap exists on the consumer but does not reach the provider", () => {
    const f = frame("healthy");
    const input = inputFrom(f, { drop: ["configMap"], now: plus(CREATED, 5) });
    input.consumer.configMap = consumerConfigMap(f.configMap ?? {});
    expect(stageOf(loadBalancerStatus(input), "settings")).toMatchObject({ state: "in-progress" });
    input.now = plus(CREATED, 90);
    expect(stageOf(loadBalancerStatus(input), "settings")).toMatchObject({
      state: "blocked",
      reason: "ConfigMapNotSynced",
      message: expect.stringContaining("after 1m"),
    });
  });

  it("ConfigMap created before its LoadBalancer: the running konnector never copies it until it changes", () => {
    const f = frame("configmap-not-synced");
    const input = inputFrom(f, { konnector: "running" });
    input.consumer.configMap = recorded.configMapNotSynced;
    const created = (f.loadBalancer as { metadata: { creationTimestamp: string } }).metadata.creationTimestamp;
    input.now = plus(created, 90);
    const s = loadBalancerStatus(input);
    expect(stageOf(s, "synced")).toMatchObject({ state: "done" });
    expect(stageOf(s, "settings")).toMatchObject({
      state: "blocked",
      reason: "ConfigMapNotSynced",
      message: expect.stringContaining(
        "although the konnector runs: the konnector copies a ConfigMap when it changes, so one created before the load balancer that names it waits for its next change; change it (kubectl -n default annotate configmap early-settings",
      ),
    });
    expect(stageOf(s, "resources")).toMatchObject({ state: "blocked", reason: "ConfigMapMissing" });
    expect(s.current).toBe("settings");
  });

  it("ReferenceGrant missing: the route is RefNotPermitted", () => {
    const input = inputFrom(frame("healthy"), { withStatus: true, drop: ["referenceGrant"] });
    input.provider.gateway = recorded.noReferenceGrant.gateway;
    input.provider.httpRoute = recorded.noReferenceGrant.httpRoute;
    const s = loadBalancerStatus(input);
    expect(stageOf(s, "resources")).toMatchObject({
      state: "blocked",
      reason: "ReferenceGrantMissing",
      message: expect.stringContaining(
        "ReferenceGrant that lets the route reach Services in namespace default is missing",
      ),
    });
    expect(stageOf(s, "routing")).toMatchObject({
      state: "blocked",
      reason: "RefNotPermitted",
      message: expect.stringContaining("Service default/backend"),
    });
  });

  it("backend Service not found", () => {
    const s = loadBalancerStatus(inputFrom(frame("backend-not-found"), { withStatus: true }));
    expect(stageOf(s, "routing")).toMatchObject({
      state: "blocked",
      reason: "BackendNotFound",
      message:
        "Service no-such-service does not exist in namespace default on the provider; create it there or set spec.targetService to an existing Service.",
    });
    expect(s).toMatchObject({ current: "routing", ready: false });
  });

  it("kro ERROR, with kro's message", () => {
    const s = loadBalancerStatus(inputFrom(frame("kro-error"), { withStatus: true }));
    const resources = stageOf(s, "resources");
    expect(resources).toMatchObject({ state: "failed", reason: "KroError" });
    // kro reports the first child the apiserver refused: the Gateway or the HTTPRoute, whichever
    // it applied first in that run (both carry the domain as their hostname).
    expect(resources.message).toMatch(
      /^kro could not create its resources: (Gateway "badhost-gw"|HTTPRoute "badhost-route") is invalid: /,
    );
    expect(resources.message).toContain("Not_A_Hostname");
    expect(resources.message).not.toContain("should match");
    expect(s.summary).toBe(resources.message);
  });

  it("the ResourceGraphDefinition is not Active", () => {
    const input = inputFrom(untouched());
    input.provider.rgd = recorded.rgdInactive;
    const resources = stageOf(loadBalancerStatus(input), "resources");
    expect(resources).toMatchObject({ state: "blocked", reason: "RgdInactive" });
    expect(resources.message).toContain("fixture-broken");
    expect(resources.message).toContain("schema not found");
  });

  it("no sync from the consumer for a while: the konnector is not running", () => {
    const f = frame("healthy");
    const created = CREATED;
    const input: StatusInput = { ...inputFrom(f, { drop: ["loadBalancer", "configMap"] }), now: plus(created, 10) };
    expect(stageOf(loadBalancerStatus(input), "synced")).toMatchObject({ state: "in-progress" });
    input.now = plus(created, 150);
    const s = loadBalancerStatus(input);
    expect(stageOf(s, "synced")).toMatchObject({
      state: "blocked",
      reason: "KonnectorNotSyncing",
      message: expect.stringContaining("after 2m"),
    });
    expect(s.summary).toContain("kubectl -n kube-bind get deployment konnector");
  });

  it("the ClusterBinding heartbeat is stale: none for twice the konnector's 5-minute interval", () => {
    const input = inputFrom(frame("healthy"), { withStatus: true });
    input.provider.clusterBinding = recorded.binding.clusterBinding;
    input.now = plus(HEARTBEAT, 11 * 60);
    const s = loadBalancerStatus(input);
    expect(stageOf(s, "synced")).toMatchObject({
      state: "blocked",
      reason: "KonnectorHeartbeatStale",
      since: HEARTBEAT,
      message: expect.stringContaining("last reported 11m ago"),
    });
    // One interval late is not lost yet: the konnector heartbeats every 5 minutes.
    input.now = plus(HEARTBEAT, 9 * 60);
    expect(stageOf(loadBalancerStatus(input), "synced")).toMatchObject({ state: "done" });
    input.now = plus(HEARTBEAT, 5);
    expect(stageOf(loadBalancerStatus(input), "synced")).toMatchObject({ state: "done" });
  });

  it("while the provider is out of sight, nothing is blamed for what the portal could not see", () => {
    const input = inputFrom(frame("healthy"), { withStatus: true });
    input.provider.clusterBinding = recorded.binding.clusterBinding;
    input.now = plus(HEARTBEAT, 11 * 60);
    expect(stageOf(loadBalancerStatus(input), "synced")).toMatchObject({ reason: "KonnectorHeartbeatStale" });
    // The portal lost the provider 5 s after that heartbeat: judged then, the konnector was fine.
    input.providerSeenAt = plus(HEARTBEAT, 5);
    expect(stageOf(loadBalancerStatus(input), "synced")).toMatchObject({ state: "done" });

    const waiting = inputFrom(untouched(), { now: plus(CREATED, 60) });
    waiting.providerSeenAt = plus(CREATED, 10);
    expect(stageOf(loadBalancerStatus(waiting), "resources")).toMatchObject({ state: "in-progress" });
    // Once the provider is back in sight (no providerSeenAt), the same facts are overdue.
    waiting.providerSeenAt = undefined;
    expect(stageOf(loadBalancerStatus(waiting), "resources")).toMatchObject({ state: "blocked" });
  });

  it("kro never picks the copy up", () => {
    const input = inputFrom(untouched(), { now: plus(CREATED, 60) });
    expect(stageOf(loadBalancerStatus(input), "resources")).toMatchObject({
      state: "blocked",
      reason: "KroNotRunning",
    });
  });

  it("Envoy Gateway never accepts the Gateway", () => {
    const input = inputFrom(childrenOnly(), { now: plus(CREATED, 60) });
    expect(stageOf(loadBalancerStatus(input), "routing")).toMatchObject({
      state: "blocked",
      reason: "GatewayNotAccepted",
    });
  });

  it("the status never comes back to the consumer", () => {
    const input = inputFrom(frame("healthy"), { now: plus(CREATED, 45) });
    expect(stageOf(loadBalancerStatus(input), "ready")).toMatchObject({ state: "blocked", reason: "StatusNotSynced" });
  });

  it("a deleted LoadBalancer is reported as being deleted", () => {
    const input = inputFrom(frame("healthy"), { withStatus: true });
    (input.consumer.loadBalancer.metadata as { deletionTimestamp?: string }).deletionTimestamp = settled.at;
    const s = loadBalancerStatus(input);
    expect(s).toMatchObject({ deleting: true, current: "requested", ready: false, summary: "Being deleted." });
  });
});

describe("dashboard rows", () => {
  it("shows STATE, READY, ADDRESS, the creation time (the browser counts AGE) and the current stage", () => {
    const f = frame("healthy");
    expect(dashboardRow(inputFrom(f, { withStatus: true, now: plus(CREATED, 200) }))).toEqual({
      namespace: "default",
      name: "shop",
      domain: "shop.example.com",
      state: "ACTIVE",
      ready: "True",
      address: ADDRESS,
      createdAt: CREATED,
      changedAt: expect.any(String),
      current: { id: "ready", label: "Ready", state: "done" },
      summary: `Ready: shop.example.com is served at ${ADDRESS}.`,
    });
  });

  it("falls back to the provider's state before the status came back, PENDING before that", () => {
    const missing = dashboardRow(inputFrom(frame("missing-configmap")));
    expect(missing).toMatchObject({
      state: "IN_PROGRESS",
      ready: "False",
      current: { id: "settings", state: "blocked" },
    });
    const fresh = dashboardRow({
      consumer: { loadBalancer: consumerLoadBalancer(untouched().loadBalancer ?? {}) },
      provider: {},
      now: plus(CREATED, 1),
    });
    expect(fresh).toMatchObject({ state: "PENDING", ready: "Unknown", current: { id: "synced" } });
  });
});

describe("status model: a copy the provider's policy refuses (the konnector only logs the denial)", () => {
  const policy = { sharedTargets: [{ namespace: "default", service: "backend" }], ownNamespace: NS };
  /** alice's LoadBalancer, made with kubectl, whose copy never reached the provider */
  const refusedInput = (spec: Record<string, unknown>, header?: string): StatusInput => {
    const input = inputFrom(frame("healthy"), { drop: ["loadBalancer", "configMap"], now: plus(CREATED, 10) });
    const lb = input.consumer.loadBalancer as { spec: Record<string, unknown> };
    lb.spec = { ...lb.spec, ...spec };
    if (header !== undefined) {
      const cm = input.consumer.configMap as { data: Record<string, string> };
      cm.data = { ...cm.data, "custom-header": header };
    }
    return { ...input, policy };
  };

  it.each([
    ["the portal's namespace", "kube-bind-portal", "kube-bind-portal"],
    ["default, beside the apiserver", "default", "kubernetes"],
    ["kube-system", "kube-system", "kube-dns"],
  ])("a target in %s: Synced failed, in plain words naming the field to change", (_, namespace, service) => {
    const s = loadBalancerStatus(refusedInput({ targetServiceNamespace: namespace, targetService: service }));
    expect(stageOf(s, "synced")).toMatchObject({
      state: "failed",
      reason: "PolicyRefused",
      message: `The platform's policy refuses target Service namespace ${namespace} (Service ${service}): a LoadBalancer may route only to Services in its own namespace or to the platform's shared targets (default/backend); set spec.targetServiceNamespace and spec.targetService to one of them. The konnector keeps retrying; change it on your cluster (edit it here, or kubectl) and it syncs.`,
    });
    expect(s.current).toBe("synced");
  });

  it("a bad domain: refused, and not reported as a stuck konnector later on", () => {
    const input = refusedInput({ domain: "Bad_Host" });
    input.now = plus(CREATED, 600);
    expect(stageOf(loadBalancerStatus(input), "synced")).toMatchObject({
      reason: "PolicyRefused",
      message: expect.stringContaining("refused by the platform's policy: spec.domain must be a DNS host name"),
    });
  });

  it("a target in its own provider namespace or a shared target is not a refusal", () => {
    const own = refusedInput({ targetServiceNamespace: NS, targetService: "web" });
    expect(stageOf(loadBalancerStatus(own), "synced")).toMatchObject({ state: "in-progress" });
    expect(stageOf(loadBalancerStatus(refusedInput({})), "synced")).toMatchObject({ state: "in-progress" });
  });

  it("without the policy (the portal cannot read it) the model keeps its older judgement", () => {
    const input = { ...refusedInput({ targetServiceNamespace: "kube-system" }), policy: undefined };
    expect(stageOf(loadBalancerStatus(input), "synced")).toMatchObject({ state: "in-progress" });
  });

  it.each([
    ["a line break", "hello\nworld", "printable ASCII"],
    ["U+202E", "abc\u202edef", "printable ASCII"],
    ["900 KB", "a".repeat(900_000), "at most 4096 characters (it has 900000)"],
  ])("a header value with %s: Settings failed, naming the rule", (_, header, rule) => {
    const input = inputFrom(frame("healthy"), { drop: ["configMap"], now: plus(CREATED, 10) });
    (input.consumer.configMap as { data: Record<string, string> }).data["custom-header"] = header;
    const settings = stageOf(loadBalancerStatus({ ...input, policy }), "settings");
    expect(settings).toMatchObject({ state: "failed", reason: "PolicyRefused" });
    expect(settings.message).toContain(
      `The provider refused the settings ConfigMap ${(input.consumer.configMap as { metadata: { name: string } }).metadata.name}: refused by the platform's policy: the header value (custom-header)`,
    );
    expect(settings.message).toContain(rule);
  });
});
