// The guide's provider setup, checked step by step from what the provider's API shows. Pure.
// Each check says what it verified, or what is wrong in plain words, with the tool's own text and
// the command or YAML that fixes it.

import { KUBE_BIND } from "../k8s/apis";
import {
  type Condition,
  Crd,
  EndpointSlice,
  ExportTemplate,
  findCondition,
  GatewayClass,
  parseAll,
  parseOptional,
  Request,
  Rgd,
  Service,
} from "../k8s/models";
import type { KubeObject } from "../k8s/types";
import { FIX } from "./fixes";
import { explainKroMessage } from "./kro-message";
import { say, TITLES } from "./messages";
import { EXPORTED_LABEL, GUIDE, KUBE_BIND_CRDS, type ProviderSnapshot } from "./snapshot";
import type { Check, CheckId, Problem } from "./types";

/** How long a state that should pass by itself may last before it counts as a failure. */
export const STALL_MS = 60_000;

export function evaluateChecklist(s: ProviderSnapshot): Check[] {
  const crds = new Crds(s.crds);
  return [backendCheck(s, crds), kroCheck(s, crds), exportCheck(s, crds), gatewayClassCheck(s, crds), networkCheck(s)];
}

/** The CRDs by name, with the questions the checks ask about them. */
export class Crds {
  private readonly byName = new Map<string, Crd>();
  constructor(raw: readonly KubeObject[]) {
    for (const crd of parseAll(Crd, raw)) this.byName.set(crd.metadata.name, crd);
  }
  get(group: string, resource: string): Crd | undefined {
    return this.byName.get(group ? `${resource}.${group}` : resource);
  }
  byKind(group: string, kind: string): Crd | undefined {
    return [...this.byName.values()].find((c) => c.spec.group === group && c.spec.names.kind === kind);
  }
  /** Established and serving `version` (any served version when undefined). */
  serves(crd: Crd | undefined, version?: string): boolean {
    if (!crd || findCondition(crd.status?.conditions, "Established")?.status !== "True") return false;
    return crd.spec.versions.some((v) => v.served && (version === undefined || v.name === version));
  }
  /** The served versions of a group/resource: what a stream of its objects may use. */
  storageVersion(group: string, resource: string): string | undefined {
    const crd = this.get(group, resource);
    if (!this.serves(crd)) return undefined;
    return (crd?.spec.versions.find((v) => v.storage && v.served) ?? crd?.spec.versions.find((v) => v.served))?.name;
  }
}

function check(id: CheckId, okSummary: string, verified: string[], problems: Problem[], waiting?: string): Check {
  if (problems.length) {
    return { id, title: TITLES[id], state: "failed", summary: problems[0].text, verified, problems };
  }
  if (waiting) return { id, title: TITLES[id], state: "waiting", summary: waiting, verified, problems };
  return { id, title: TITLES[id], state: "ok", summary: okSummary, verified, problems };
}

const olderThan = (o: { metadata: { creationTimestamp?: string } }, now: number, ms: number) => {
  const at = Date.parse(o.metadata.creationTimestamp ?? "");
  return !Number.isNaN(at) && now - at > ms;
};
const key = (o: { metadata: { namespace?: string; name: string } }) =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

function backendCheck(s: ProviderSnapshot, crds: Crds): Check {
  const verified: string[] = [];
  const problems: Problem[] = [];
  const wrong = KUBE_BIND_CRDS.filter((r) => !crds.serves(crds.get(KUBE_BIND.group, r), KUBE_BIND.version)).map(
    (r) => `${r}.${KUBE_BIND.group}`,
  );
  if (wrong.length) problems.push({ text: say.backendCrdsWrong(wrong), fix: FIX.kubeBindCrds(wrong) });
  else verified.push(say.backendCrds(KUBE_BIND_CRDS.length));
  if (crds.serves(crds.get(KUBE_BIND.group, "clusters"))) {
    if (s.clusters.some((c) => c.metadata.name === "default")) verified.push(say.clusterDefault);
    else problems.push({ text: say.noClusterDefault, fix: FIX.backendNotRunning });
  }
  // Requests the backend answers within seconds when it runs; one that waits a minute means it does not.
  const waiting = [
    ...parseAll(Request, s.exportRequests).filter((r) => !r.status?.phase || r.status.phase === "Pending"),
    ...parseAll(Request, s.bindableRequests).filter((r) => !r.status?.phase || r.status.phase === "Pending"),
  ]
    .filter((r) => !r.metadata.deletionTimestamp && olderThan(r, s.now, STALL_MS))
    .map(key);
  if (waiting.length) problems.push({ text: say.requestsWaiting(waiting), fix: FIX.backendStuck });
  else verified.push(say.nothingWaits);
  return check("backend", say.backendOk, verified, problems);
}

/** The RGD that defines the guide's LoadBalancer API (by its schema; else by the guide's name). */
export function loadBalancerRgd(rgds: readonly KubeObject[]): Rgd | undefined {
  const all = parseAll(Rgd, rgds);
  return (
    all.find((r) => r.spec?.schema?.kind === GUIDE.rgd.kind && r.spec.schema.group === GUIDE.rgd.group) ??
    all.find((r) => r.metadata.name === GUIDE.rgd.name)
  );
}

/** The first condition that is not True, kro's reasons for not being Active. */
const notTrue = (conditions: Condition[] | undefined, ...order: string[]) =>
  order.map((t) => findCondition(conditions, t)).find((c) => c && c.status === "False");

function kroCheck(s: ProviderSnapshot, crds: Crds): Check {
  const verified: string[] = [];
  if (!crds.serves(crds.get("kro.run", "resourcegraphdefinitions"))) {
    return check("kro", say.kroOk, verified, [{ text: say.kroMissing, fix: FIX.installKro }]);
  }
  const rgd = loadBalancerRgd(s.rgds);
  if (!rgd) return check("kro", say.kroOk, verified, [{ text: say.rgdMissing(GUIDE.rgd.name), fix: FIX.applyRgd }]);
  const name = rgd.metadata.name;
  const conditions = rgd.status?.conditions;
  const generation = rgd.metadata.generation ?? 0;
  const observed = Math.max(0, ...(conditions ?? []).map((c) => c.observedGeneration ?? 0));
  // kro writes observedGeneration on every condition it processed: anything older means it has
  // not looked at the current spec yet. Fine for a moment, a sign kro is not running if it lasts.
  if (observed < generation) {
    const since = s.seenSince?.(`kro:${rgd.metadata.uid ?? name}:${generation}`) ?? s.now;
    if (s.now - since > STALL_MS)
      return check("kro", say.kroOk, verified, [{ text: say.kroStalled(name, generation), fix: FIX.kroStalled }]);
    return check("kro", say.kroOk, verified, [], say.kroCatchingUp(name, generation));
  }
  const rejected = notTrue(conditions, "GraphAccepted", "KindReady", "ControllerReady", "Ready");
  if (rejected) {
    const plain = explainKroMessage(rejected.message);
    const text = plain ? `${say.rgdRejected(name)} ${plain}` : say.rgdRejected(name);
    const detail = `kro: ${rejected.type}=False (${rejected.reason ?? "no reason"}): ${rejected.message ?? ""}`.trim();
    return check("kro", say.kroOk, verified, [{ text, detail, fix: FIX.applyRgd }]);
  }
  const state = rgd.status?.state ?? "not processed yet";
  if (state !== "Active") return check("kro", say.kroOk, verified, [], say.rgdNotActive(name, state));
  verified.push(say.rgdActive(name, generation || undefined));
  const schema = rgd.spec?.schema;
  const crd = crds.byKind(schema?.group ?? GUIDE.rgd.group, schema?.kind ?? GUIDE.rgd.kind);
  const version = schema?.apiVersion ?? "v1alpha1";
  if (!crd) return check("kro", say.kroOk, verified, [], say.crdMissing(schema?.kind ?? GUIDE.rgd.kind));
  if (!crds.serves(crd, version))
    return check("kro", say.kroOk, verified, [
      { text: say.crdNotServing(crd.metadata.name, version), fix: FIX.applyRgd },
    ]);
  verified.push(say.crdServed(crd.metadata.name, version));
  return check("kro", say.kroOk, verified, []);
}

/** loadbalancers' (plural), gateway's */
export const possessive = (word: string) => (word.endsWith("s") ? `${word}'` : `${word}'s`);

function claimText(claim: { group?: string; resource: string; selector?: unknown }): string {
  const sel = claim.selector as
    | { references?: { resource: string; group?: string; jsonPath?: { name?: string } }[] }
    | undefined;
  const what = claim.group ? `${claim.resource}.${claim.group}` : claim.resource;
  const refs = (sel?.references ?? []).map((r) => `${possessive(r.resource)} ${r.jsonPath?.name ?? "reference"}`);
  return refs.length ? `${what} referenced by ${refs.join(", ")}` : what;
}

function exportCheck(s: ProviderSnapshot, crds: Crds): Check {
  const verified: string[] = [];
  const problems: Problem[] = [];
  const templates = parseAll(ExportTemplate, s.templates);
  if (!templates.length) return check("export", "", verified, [{ text: say.noTemplates, fix: FIX.applyTemplate }]);
  const rgd = loadBalancerRgd(s.rgds);
  for (const t of templates) {
    const name = t.metadata.name;
    for (const r of t.spec.resources) {
      const crd = crds.get(r.group, r.resource);
      const resource = r.group ? `${r.resource}.${r.group}` : r.resource;
      const versions = r.versions ?? [];
      if (!crd) {
        const fromRgd = rgd && r.group === (rgd.spec?.schema?.group ?? GUIDE.rgd.group);
        problems.push({
          text: say.noCrdForExport(name, resource),
          fix: fromRgd ? FIX.applyRgd : FIX.applyTemplate,
        });
        continue;
      }
      const unserved = versions.filter((v) => !crds.serves(crd, v));
      if (unserved.length) problems.push({ text: say.exportVersionNotServed(name, crd.metadata.name, unserved) });
      if (crd.metadata.labels?.[EXPORTED_LABEL] !== "true") {
        problems.push({
          text: say.exportNotLabelled(name, crd.metadata.name),
          fix: FIX.exportLabel(crd.metadata.name),
        });
      } else if (!unserved.length) verified.push(say.templateServes(name, resource, versions));
    }
    const claims = (t.spec.permissionClaims ?? []).map(claimText);
    if (claims.length) verified.push(say.claims(name, claims));
  }
  return check("export", say.exportOk(templates.length), verified, problems);
}

/** The GatewayClass the RGD's Gateways name (the guide's `eg` unless the RGD says otherwise). */
export function gatewayClassName(rgd: Rgd | undefined): string {
  const gateway = rgd?.spec?.resources?.find((r) => r.template?.kind === "Gateway")?.template as
    | { spec?: { gatewayClassName?: unknown } }
    | undefined;
  const name = gateway?.spec?.gatewayClassName;
  return typeof name === "string" && !name.includes("${") ? name : GUIDE.gatewayClass;
}

function gatewayClassCheck(s: ProviderSnapshot, crds: Crds): Check {
  const verified: string[] = [];
  if (!crds.serves(crds.get("gateway.networking.k8s.io", "gatewayclasses")))
    return check("gatewayclass", "", verified, [{ text: say.gatewayApiMissing, fix: FIX.envoyGateway }]);
  const name = gatewayClassName(loadBalancerRgd(s.rgds));
  verified.push(say.gatewayClassUsed(name));
  const gc = parseAll(GatewayClass, s.gatewayClasses).find((g) => g.metadata.name === name);
  if (!gc)
    return check("gatewayclass", "", verified, [{ text: say.gatewayClassMissing(name), fix: FIX.gatewayClass(name) }]);
  if (gc.spec?.controllerName !== GUIDE.envoyController)
    return check("gatewayclass", "", verified, [
      { text: say.gatewayClassOtherController(name, gc.spec?.controllerName), fix: FIX.gatewayClass(name) },
    ]);
  const accepted = findCondition(gc.status?.conditions, "Accepted");
  const current = (accepted?.observedGeneration ?? 0) >= (gc.metadata.generation ?? 0);
  if (accepted?.status === "True" && current) return check("gatewayclass", say.gatewayClassOk(name), verified, []);
  if (accepted?.status === "False" && current) {
    const detail = `Envoy Gateway: Accepted=False (${accepted.reason ?? "no reason"}): ${accepted.message ?? ""}`;
    return check("gatewayclass", "", verified, [
      { text: say.gatewayClassRefused(name), detail: detail.trim(), fix: FIX.envoyGateway },
    ]);
  }
  if (olderThan(gc, s.now, STALL_MS))
    return check("gatewayclass", "", verified, [{ text: say.gatewayClassUnclaimed(name), fix: FIX.envoyGateway }]);
  return check("gatewayclass", "", verified, [], say.gatewayClassPending(name));
}

function networkCheck(s: ProviderSnapshot): Check {
  const { namespace, name } = GUIDE.backend;
  const verified: string[] = [];
  const fix = FIX.backendService(namespace, name);
  const svc = parseOptional(
    Service,
    s.services.find((o) => o.metadata.name === name && o.metadata.namespace === namespace),
  );
  if (!svc) return check("network", "", verified, [{ text: say.serviceMissing(namespace, name), fix }]);
  const ports = (svc.spec?.ports ?? []).map((p) => `${p.name ? `${p.name} ` : ""}${p.port}`).join(", ") || "no ports";
  verified.push(say.serviceFound(namespace, name, ports));
  const slices = parseAll(EndpointSlice, s.endpointSlices).filter(
    (e) => e.metadata.namespace === namespace && e.metadata.labels?.["kubernetes.io/service-name"] === name,
  );
  if (!slices.length) return check("network", "", verified, [{ text: say.sliceMissing(namespace, name), fix }]);
  const problems: Problem[] = [];
  const names = new Set((svc.spec?.ports ?? []).map((p) => p.name ?? ""));
  let ready = 0;
  for (const slice of slices) {
    const addresses = (slice.endpoints ?? []).filter((e) => e.conditions?.ready !== false).flatMap((e) => e.addresses);
    const port = (slice.ports ?? []).find((p) => names.has(p.name ?? ""));
    if (!port) {
      problems.push({ text: say.portMismatch(slice.metadata.name, [...names].join(", ") || "unnamed"), fix });
      continue;
    }
    if (!addresses.length) continue;
    ready += addresses.length;
    verified.push(
      say.readyEndpoints(
        slice.metadata.name,
        addresses.map((a) => `${a}:${port.port ?? "?"}`),
      ),
    );
  }
  if (!ready && !problems.length) problems.push({ text: say.noReadyEndpoint(slices[0].metadata.name), fix });
  return check("network", say.networkOk(namespace, name), verified, problems);
}
