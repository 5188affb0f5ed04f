import "server-only";
import { type FormFailure, type FormResult, fail } from "../forms/action-result";
import { type FieldChange, fieldChanges } from "../forms/field-diff";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { userClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { Identity, KubeObject } from "../k8s/types";
import { explainedFailure, type WriteContext } from "../writes/explain-error";
import { kubectlApply, toYaml, userFacing } from "../writes/objects";
import { commitAll, dryRunAll, type Write } from "../writes/write-flow";
import { loadBalancerApi, notBoundError } from "./api";
import { detailHref } from "./create";
import { LoadBalancerObject } from "./detail";
import { EDITABLE_FIELDS, type EditDraft, HEADER_FIELD, parseEdit } from "./edit-input";
import { CUSTOM_HEADER_KEY } from "./form";
import { loadBalancerRef } from "./resource";

type Ref = Parameters<KubeClient["get"]>[0];
const NOTHING = "Nothing was changed.";

/** The dry run's result: only the fields that change (before → after), and the objects after it. */
export type EditPreview = FormResult<{ yaml: string; kubectl: string; changes: FieldChange[] }>;
export type EditOutcome = FormResult<{ href: string }>;

interface Change {
  ref: Ref;
  /** the object as it is now, to show what the patch changes */
  current: KubeObject;
  patch: Record<string, unknown>;
  undo?: Record<string, unknown>;
  ctx: WriteContext;
}

function conflict(ctx: WriteContext): FormFailure {
  return explainedFailure(
    new KubeError("consumer", 409, "Conflict", "the values changed since the page was loaded"),
    ctx,
  );
}

/** Reads the current objects as the user and works out the two merge patches. */
async function plan(
  identity: Identity,
  raw: unknown,
): Promise<{ user: KubeClient; draft: EditDraft; changes: Change[] } | FormFailure> {
  const user = await userClient("consumer", identity);
  const api = await loadBalancerApi(user);
  if (!api.bound) return fail({}, notBoundError(api, NOTHING));
  const parsed = parseEdit(api.model, raw);
  if (!parsed.ok) return fail(parsed.fieldErrors);
  const { draft } = parsed;
  const { namespace, name } = draft;
  const lbRef = { ...loadBalancerRef(namespace), name };
  const base = { verb: "update" as const, namespace, outcome: NOTHING };
  const lbCtx: WriteContext = { ...base, kind: "LoadBalancer", name, nameField: "form", fields: EDITABLE_FIELDS };
  let lb: LoadBalancerObject;
  let lbNow: KubeObject;
  try {
    lbNow = await user.get(lbRef);
    lb = LoadBalancerObject.parse(lbNow);
  } catch (e) {
    return explainedFailure(e, lbCtx);
  }
  const changes: Change[] = [];
  const cmName = lb.spec.configMapRef;
  if (cmName) {
    const cmRef = { ...APIS.configMaps, namespace, name: cmName };
    const cmCtx: WriteContext = {
      ...base,
      kind: "ConfigMap",
      name: cmName,
      nameField: HEADER_FIELD,
      fields: [],
      fieldMap: { data: HEADER_FIELD },
    };
    let cm: KubeObject & { data?: Record<string, string> };
    try {
      cm = await user.get(cmRef);
    } catch (e) {
      if (e instanceof KubeError && e.notFound) {
        return fail({
          [HEADER_FIELD]: `The ConfigMap ${cmName} this LoadBalancer uses does not exist in ${namespace}; create it first (kubectl create configmap ${cmName} -n ${namespace}).`,
        });
      }
      return explainedFailure(e, cmCtx);
    }
    const old = cm.data?.[CUSTOM_HEADER_KEY];
    if (draft.expected && (draft.expected.header ?? undefined) !== old) return conflict(lbCtx);
    const next = draft.header === "" ? undefined : draft.header;
    if (old !== next) {
      const value = (v: string | undefined) => ({ data: { [CUSTOM_HEADER_KEY]: v ?? null } });
      changes.push({ ref: cmRef, current: cm, patch: value(next), undo: value(old), ctx: cmCtx });
    }
  } else if (draft.header !== "") {
    return fail({
      [HEADER_FIELD]: "This LoadBalancer references no ConfigMap, so there is nowhere to keep a header value.",
    });
  }
  const { expected } = draft;
  if (expected && (expected.domain !== lb.spec.domain || expected.targetPort !== lb.spec.targetPort))
    return conflict(lbCtx);
  const spec: Record<string, unknown> = {};
  if (draft.spec.domain !== lb.spec.domain) spec.domain = draft.spec.domain ?? null;
  if (draft.spec.targetPort !== lb.spec.targetPort) spec.targetPort = draft.spec.targetPort ?? null;
  if (Object.keys(spec).length) changes.push({ ref: lbRef, current: lbNow, patch: { spec }, ctx: lbCtx });
  if (changes.length === 0)
    return fail({}, { message: "These are the values already set; there is nothing to change." });
  return { user, draft, changes };
}

/** Each change as a write: a merge patch, undone by patching the old values back. */
function writes(p: { user: KubeClient; changes: Change[] }): Write<KubeObject>[] {
  return p.changes.map((c) => ({
    ctx: c.ctx,
    dryRun: () => p.user.mergePatch(c.ref, c.patch, { dryRun: true }),
    commit: () => p.user.mergePatch(c.ref, c.patch),
    undo: c.undo && {
      run: () => p.user.mergePatch(c.ref, c.undo ?? {}),
      failed: (why) => `${c.ctx.kind} ${c.ctx.name} was changed but could not be changed back (${why}).`,
    },
  }));
}

export async function previewLoadBalancerEdit(identity: Identity, raw: unknown): Promise<EditPreview> {
  const p = await plan(identity, raw);
  if ("ok" in p) return p;
  const checked = await dryRunAll(writes(p));
  if (!checked.ok) return checked;
  const changes = p.changes.flatMap((c, i) =>
    fieldChanges(`${c.ctx.kind} ${c.ctx.name}`, userFacing(c.current), userFacing(checked.results[i]), ["metadata"]),
  );
  const yaml = toYaml(checked.results.map(userFacing));
  return { ok: true, yaml, kubectl: kubectlApply(yaml), changes };
}

/** Dry run, then the ConfigMap, then the LoadBalancer; a failed second step undoes the first. */
export async function applyLoadBalancerEdit(identity: Identity, raw: unknown): Promise<EditOutcome> {
  const p = await plan(identity, raw);
  if ("ok" in p) return p;
  const checked = await dryRunAll(writes(p));
  if (!checked.ok) return checked;
  const { namespace, name } = p.draft;
  const changed = p.changes.map((c) => c.ctx.kind);
  const audit = { user: identity.user, action: "update", resource: "loadbalancers", namespace, name, changed };
  const failed = await commitAll(writes(p), audit, "LoadBalancer changed");
  return failed ?? { ok: true, href: detailHref(namespace, name) };
}
