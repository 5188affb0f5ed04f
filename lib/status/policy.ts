// What the provider's LoadBalancer policy refuses, judged from the consumer's objects with the
// same rules the provider enforces (lib/loadbalancer/policy.ts). kube-bind's konnector (v0.8.1)
// reports an admission denial nowhere but its log: it retries, and the copy never appears (or
// keeps its old spec), so the model recognises the refusal by the rule the object breaks.
import { domainProblem, headerProblem, targetProblem } from "../loadbalancer/policy";
import type { Ctx } from "./context";
import { SETTINGS_KEY } from "./context";

/** Why the provider refuses the LoadBalancer's copy, or null (also when the policy is unknown). */
export function lbRefusal(ctx: Ctx): string | null {
  const spec = ctx.lb.spec;
  if (!ctx.policy || !spec) return null;
  if (spec.domain !== undefined) {
    const bad = domainProblem(spec.domain);
    if (bad) return bad;
  }
  if (spec.targetServiceNamespace === undefined || spec.targetService === undefined) return null;
  return targetProblem(
    ctx.policy.sharedTargets,
    { namespace: spec.targetServiceNamespace, service: spec.targetService },
    ctx.policy.ownNamespace,
  );
}

/** Why the provider refuses the settings ConfigMap's copy, or null. */
export function settingsRefusal(ctx: Ctx): string | null {
  const value = ctx.consumerConfigMap?.data?.[SETTINGS_KEY];
  return value === undefined ? null : headerProblem(value);
}
