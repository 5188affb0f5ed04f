// What the provider's LoadBalancer policy refuses, judged from the consumer's objects with the
// same rules the provider enforces (lib/loadbalancer/policy.ts). kube-bind's konnector (v0.8.1)
// reports an admission denial nowhere but its log: it retries, and the copy never appears (or
// keeps its old spec), so the model recognises the refusal by the rule the object breaks.
import { describeShared, domainProblem, headerProblem, targetProblem } from "../loadbalancer/policy";
import type { Ctx } from "./context";
import { SETTINGS_KEY } from "./context";
import { say } from "./messages";

/**
 * The sentence saying why the provider refuses the LoadBalancer's copy (`what`: "this LoadBalancer"
 * or "this change"), or null (also when the policy is unknown).
 */
export function lbRefusal(ctx: Ctx, what: string): string | null {
  const spec = ctx.lb.spec;
  if (!ctx.policy || !spec) return null;
  if (spec.domain !== undefined) {
    const bad = domainProblem(spec.domain);
    if (bad) return say.policyRefused(bad, what);
  }
  if (spec.targetServiceNamespace === undefined || spec.targetService === undefined) return null;
  const target = { namespace: spec.targetServiceNamespace, service: spec.targetService };
  // The same rule as the provider's; the sentence names the field to change, in plain words.
  return targetProblem(ctx.policy.sharedTargets, target, ctx.policy.ownNamespace)
    ? `${say.targetRefused(target.namespace, target.service, describeShared(ctx.policy.sharedTargets))} ${say.retrying}`
    : null;
}

/** Why the provider refuses the settings ConfigMap's copy, or null. */
export function settingsRefusal(ctx: Ctx): string | null {
  const value = ctx.consumerConfigMap?.data?.[SETTINGS_KEY];
  return value === undefined ? null : headerProblem(value);
}
