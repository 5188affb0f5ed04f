// Stages decided on the provider: kro's children, Envoy Gateway's verdicts, the address, and the
// status coming back to the consumer: kro's instance state and conditions, then the Gateway's and
// HTTPRoute's conditions as Envoy Gateway writes them; the Envoy Gateway failures are those of its
// golden files (fixtures/eg-*.json).

import { findCondition } from "../k8s/models";
import { type Ctx, ENVOY_CONTROLLER, isFalse, isTrue } from "./context";
import { KRO_TRANSIENT, kroMessage, missingNamespace, say } from "./messages";
import { stage } from "./stages-sync";
import { firstKnown, latest } from "./time";
import type { Stage, StageReason } from "./types";

const pending = (id: Stage["id"]) => stage(id, { state: "pending", message: say.pending });

/** Waiting since `since`; once that is overdue, blocked for `reason` (the message says how long). */
function waiting(
  ctx: Ctx,
  id: Stage["id"],
  since: string | undefined,
  message: string,
  blocked: [reason: StageReason, message: (age: string) => string],
): Stage {
  if (!ctx.overdue(since)) return stage(id, { state: "in-progress", since, message });
  return stage(id, { state: "blocked", since, message: blocked[1](ctx.age(since)), reason: blocked[0] });
}

/** kro waits on a spec field that is not set ("no such key: x (data pending)"). */
function missingField(message: string): string | undefined {
  const m = /no such key:?\s*"?([\w.-]+)"?/.exec(message);
  return m ? m[1] : /data pending/.test(message) ? "a required field" : undefined;
}

export function resources(ctx: Ctx): Stage {
  const rgd = ctx.p.rgd;
  if (rgd && rgd.status?.state !== "Active") {
    const ready = findCondition(rgd.status?.conditions, "Ready");
    const why = ready?.message || rgd.status?.state || "no status yet";
    return stage("resources", {
      state: "blocked",
      since: firstKnown(ready?.lastTransitionTime, rgd.metadata.creationTimestamp),
      message: say.rgdInactive(rgd.metadata.name, why),
      reason: "RgdInactive",
    });
  }
  const copy = ctx.p.lb;
  if (!copy) return pending("resources");
  const conditions = copy.status?.conditions;
  const ready = findCondition(conditions, "Ready");
  const rr = findCondition(conditions, "ResourcesReady");
  const since = firstKnown(rr?.lastTransitionTime, ready?.lastTransitionTime, copy.metadata.creationTimestamp);
  const kroMsg = `${rr?.message ?? ""} ${ready?.message ?? ""}`;
  const { grant, gateway, route } = ctx.p;
  // A missing namespace: kro cannot apply the ReferenceGrant (or anything) into it, whatever its state.
  const absentNs = !grant && missingNamespace(kroMsg);
  if (absentNs)
    return stage("resources", {
      state: "failed",
      since: ready?.lastTransitionTime ?? since,
      message:
        absentNs === copy.spec?.targetServiceNamespace
          ? say.targetNamespaceMissing(absentNs)
          : say.namespaceMissing(absentNs),
      reason: "KroError",
    });
  if (copy.status?.state === "ERROR") {
    const failedAt = ready?.lastTransitionTime ?? since;
    if (KRO_TRANSIENT.test(kroMsg) && !ctx.overdue(failedAt))
      return stage("resources", { state: "in-progress", since: failedAt, message: say.kroApplying });
    return stage("resources", {
      state: "failed",
      since: failedAt,
      message: say.kroError(kroMessage(ready?.message || rr?.message)),
      reason: "KroError",
    });
  }
  if (grant && gateway && route)
    return stage("resources", {
      state: "done",
      since: latest(
        grant.metadata.creationTimestamp,
        gateway.metadata.creationTimestamp,
        route.metadata.creationTimestamp,
      ),
      message: say.resourcesDone,
    });
  const field = missingField(kroMsg);
  if (field)
    return stage("resources", {
      state: "blocked",
      since,
      message: say.specIncomplete(field),
      reason: "SpecIncomplete",
    });
  if (/waiting for external reference/.test(kroMsg))
    return stage("resources", { state: "blocked", since, message: say.waitingForSettings, reason: "ConfigMapMissing" });
  if (!copy.status?.state && !conditions?.length) {
    return waiting(ctx, "resources", copy.metadata.creationTimestamp, say.kroWaiting, [
      "KroNotRunning",
      say.kroNotRunning,
    ]);
  }
  if (!grant && gateway && route && isTrue(ready)) {
    const ns = copy.spec?.targetServiceNamespace ?? copy.metadata.namespace ?? "";
    return stage("resources", {
      state: "blocked",
      since: ready?.lastTransitionTime,
      message: say.grantMissing(ns),
      reason: "ReferenceGrantMissing",
    });
  }
  const missing = [!grant && "ReferenceGrant", !gateway && "Gateway", !route && "HTTPRoute"].filter(Boolean);
  return stage("resources", { state: "in-progress", since, message: say.creating(missing.join(", ")) });
}

export function routing(ctx: Ctx): Stage {
  const { gateway: gw, route } = ctx.p;
  if (!gw || !route) return pending("routing");
  const gwName = gw.metadata.name;
  const accepted = findCondition(gw.status?.conditions, "Accepted");
  if (isFalse(accepted)) {
    // Listeners on one port with one hostname: Envoy Gateway marks them Conflicted and serves none.
    const conflicted = (gw.status?.listeners ?? []).filter((l) => isTrue(findCondition(l.conditions, "Conflicted")));
    return stage("routing", {
      state: "failed",
      since: accepted?.lastTransitionTime,
      message: conflicted.length
        ? say.listenerConflict(
            gwName,
            conflicted.map((l) => l.name),
          )
        : say.gatewayRejected(gwName, accepted?.message || accepted?.reason || "no reason given"),
      reason: "GatewayRejected",
    });
  }
  if (!isTrue(accepted)) {
    const created = gw.metadata.creationTimestamp;
    return waiting(ctx, "routing", created, say.gatewayWaiting(gwName), [
      "GatewayNotAccepted",
      (age) => say.gatewayNotAccepted(gwName, age),
    ]);
  }
  const parents = route.status?.parents ?? [];
  const parent = parents.find((p) => p.controllerName === ENVOY_CONTROLLER) ?? parents[0];
  const routeName = route.metadata.name;
  const routeCreated = route.metadata.creationTimestamp;
  if (!parent) {
    return waiting(ctx, "routing", routeCreated, say.routeWaiting(routeName), [
      "RouteNoStatus",
      (age) => say.routeNoStatus(routeName, age),
    ]);
  }
  const routeAccepted = findCondition(parent.conditions, "Accepted");
  const resolved = findCondition(parent.conditions, "ResolvedRefs");
  if (isFalse(routeAccepted)) {
    // The route's only header is the custom-header value: a header Envoy Gateway rejects is that value.
    const configMap = ctx.lb.spec?.configMapRef;
    const badHeader =
      routeAccepted?.reason === "UnsupportedValue" && /HeaderModifier/.test(routeAccepted.message ?? "");
    return stage("routing", {
      state: "blocked",
      since: routeAccepted?.lastTransitionTime,
      message:
        badHeader && configMap
          ? say.invalidHeader(routeName, ctx.lb.metadata.namespace ?? "default", configMap)
          : say.routeNotAccepted(routeName, routeAccepted?.message || routeAccepted?.reason || ""),
      reason: "RouteNotAccepted",
    });
  }
  if (isFalse(resolved)) return unresolved(ctx, resolved?.reason, resolved?.message, resolved?.lastTransitionTime);
  if (!isTrue(routeAccepted) || !isTrue(resolved))
    return stage("routing", { state: "in-progress", since: routeCreated, message: say.routeWaiting(routeName) });
  // References resolve, but the Service has no endpoints: Envoy answers 503 (BackendsAvailable=False).
  const backends = findCondition(parent.conditions, "BackendsAvailable");
  if (isFalse(backends)) {
    const { ns, svc } = backendOf(ctx);
    return stage("routing", {
      state: "blocked",
      since: backends?.lastTransitionTime,
      message: say.noEndpoints(ns, svc),
      reason: "BackendNotFound",
    });
  }
  const programmed = findCondition(gw.status?.conditions, "Programmed");
  if (isFalse(programmed) && programmed?.reason === "NoResources") {
    const created = gw.metadata.creationTimestamp;
    const blocked = ctx.overdue(created);
    return stage("routing", {
      state: blocked ? "blocked" : "in-progress",
      since: created,
      message: say.envoyUnavailable(gwName),
      reason: blocked ? "EnvoyUnavailable" : undefined,
    });
  }
  return stage("routing", {
    state: "done",
    since: latest(accepted?.lastTransitionTime, resolved?.lastTransitionTime),
    message: say.routingDone,
  });
}

/** The route's Service (the RGD's route has one backendRef), with the spec's values as fallback. */
function backendOf(ctx: Ctx) {
  const route = ctx.p.route;
  const ref = route?.spec?.rules?.[0]?.backendRefs?.[0];
  const svc = ref?.name ?? ctx.p.lb?.spec?.targetService ?? "";
  const ns = ref?.namespace ?? route?.metadata.namespace ?? "";
  return { ns, svc, port: ref?.port ?? ctx.p.lb?.spec?.targetPort };
}

function unresolved(ctx: Ctx, reason: string | undefined, message: string | undefined, since: string | undefined) {
  const route = ctx.p.route;
  const { ns, svc, port } = backendOf(ctx);
  if (reason === "RefNotPermitted")
    return stage("routing", {
      state: "blocked",
      since,
      message: say.refNotPermitted(ns, svc, route?.metadata.namespace ?? ""),
      reason: "RefNotPermitted",
    });
  if (reason === "BackendNotFound")
    return stage("routing", {
      state: "blocked",
      since,
      message: say.backendNotFound(ns, svc),
      reason: "BackendNotFound",
    });
  if (reason === "PortNotFound")
    return stage("routing", {
      state: "blocked",
      since,
      message: say.portNotFound(ns, svc, port),
      reason: "RefsNotResolved",
    });
  return stage("routing", {
    state: "blocked",
    since,
    message: say.refsNotResolved(message || reason || "unknown reason"),
    reason: "RefsNotResolved",
  });
}

export function gatewayAddress(ctx: Ctx): string | undefined {
  const ingress = ctx.p.envoyService?.status?.loadBalancer?.ingress?.[0];
  return ctx.p.gateway?.status?.addresses?.[0]?.value ?? ingress?.ip ?? ingress?.hostname;
}

export function address(ctx: Ctx): Stage {
  const { gateway: gw, envoyService: svc } = ctx.p;
  if (!gw) return pending("address");
  const programmed = findCondition(gw.status?.conditions, "Programmed");
  const value = gatewayAddress(ctx);
  if (value && gw.status?.addresses?.length)
    return stage("address", {
      state: "done",
      since: firstKnown(
        isTrue(programmed) ? programmed?.lastTransitionTime : undefined,
        svc?.metadata.creationTimestamp,
      ),
      message: say.addressDone(value),
    });
  if (!isTrue(findCondition(gw.status?.conditions, "Accepted"))) return pending("address");
  if (!svc) {
    const created = gw.metadata.creationTimestamp;
    return waiting(ctx, "address", created, say.envoyServiceWaiting, [
      "EnvoyServiceMissing",
      (age) => say.envoyServiceMissing(gw.metadata.name, age),
    ]);
  }
  const svcCreated = svc.metadata.creationTimestamp;
  return waiting(ctx, "address", svcCreated, say.addressWaiting, [
    "NoAddress",
    (age) => say.noAddress(svc.metadata.name, age),
  ]);
}

export function readyStage(ctx: Ctx): Stage {
  const status = ctx.lb.status;
  const ready = findCondition(status?.conditions, "Ready");
  if (isTrue(ready) && status?.state === "ACTIVE")
    return stage("ready", { state: "done", since: ready?.lastTransitionTime, message: say.readyDone(status.address) });
  const copy = ctx.p.lb;
  const providerReady = findCondition(copy?.status?.conditions, "Ready");
  if (copy?.status?.state === "ACTIVE" && isTrue(providerReady)) {
    return waiting(ctx, "ready", providerReady?.lastTransitionTime, say.statusWaiting, [
      "StatusNotSynced",
      say.statusNotSynced,
    ]);
  }
  return stage("ready", { state: "pending", message: copy ? say.readyWaiting : say.pending });
}
