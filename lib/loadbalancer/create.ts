import "server-only";
import { type FormFailure, type FormResult, fail } from "../forms/action-result";
import type { FormModel } from "../forms/form-model";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { userClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { Identity, KubeObject } from "../k8s/types";
import { log } from "../log";
import { explainedFailure, type WriteContext } from "../writes/explain-error";
import { kubectlApply, toYaml } from "../writes/objects";
import { commitAll, dryRunAll, type Write } from "../writes/write-flow";
import { loadBalancerApi, notBoundError } from "./api";
import { CONFIGMAP_FIELD, type Draft, parseDraft } from "./draft";
import { configMapObject, loadBalancerObject } from "./objects";
import { HEADER_KEY, headerProblem } from "./policy";
import { loadBalancerRef } from "./resource";
import { loadSharedTargets } from "./shared-targets";

const NOTHING = "Nothing was created.";

export type CreatePreview = FormResult<{ yaml: string; kubectl: string }>;
export type CreateOutcome = FormResult<{ namespace: string; name: string; href: string }>;

interface Plan {
  user: KubeClient;
  draft: Draft;
  configMap?: KubeObject;
  loadBalancer: KubeObject;
  cmContext: WriteContext;
  lbContext: WriteContext;
}

export function detailHref(namespace: string, name: string) {
  return `/loadbalancers/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

function contexts(model: FormModel, draft: Draft) {
  const fields = model.fields.map((f) => f.path);
  const base = {
    verb: "create" as const,
    namespace: draft.namespace,
    namespaceField: "namespace",
    fields,
    outcome: NOTHING,
  };
  return {
    cmContext: {
      ...base,
      kind: "ConfigMap",
      name: draft.configMap.name,
      nameField: CONFIGMAP_FIELD,
      fieldMap: { data: "configMap.entries" },
      alreadyExistsHint: 'To use it as it is, choose "Use an existing ConfigMap".',
    },
    lbContext: {
      ...base,
      kind: "LoadBalancer",
      name: draft.name,
      nameField: "name",
      existingHref: detailHref(draft.namespace, draft.name),
    },
  };
}

/** Validation and the reference checks that need the cluster; no writes. */
async function plan(identity: Identity, raw: unknown): Promise<Plan | FormFailure> {
  const user = await userClient("consumer", identity);
  const api = await loadBalancerApi(user);
  if (!api.bound) return fail({}, notBoundError(api));
  const parsed = parseDraft(api.model, raw, await loadSharedTargets());
  if (!parsed.ok) return fail(parsed.fieldErrors);
  const { draft } = parsed;
  const ctx = contexts(api.model, draft);
  if (draft.configMap.mode === "existing") {
    try {
      const cm = (await user.get({ ...APIS.configMaps, namespace: draft.namespace, name: draft.configMap.name })) as {
        data?: Record<string, string>;
      };
      // The provider refuses the copy of a ConfigMap whose header value breaks the policy.
      const value = cm.data?.[HEADER_KEY];
      const problem = value === undefined ? null : headerProblem(value);
      if (problem)
        return fail({
          [CONFIGMAP_FIELD]: `The ConfigMap ${draft.configMap.name} cannot be used as it is: ${problem} Fix it, or create a new one here.`,
        });
    } catch (e) {
      if (e instanceof KubeError && e.notFound && e.details?.kind === "configmaps") {
        return fail({
          [CONFIGMAP_FIELD]: `There is no ConfigMap ${draft.configMap.name} in ${draft.namespace}. Pick one from the list, or create a new one here.`,
        });
      }
      return explainedFailure(e, ctx.cmContext);
    }
  }
  return { user, draft, configMap: configMapObject(draft), loadBalancer: loadBalancerObject(api.model, draft), ...ctx };
}

/**
 * The writes, in the order they are committed: the ConfigMap (when new; deleted again if the
 * LoadBalancer then fails) before the LoadBalancer that names it.
 */
function writes(p: Plan): Write[] {
  const { namespace } = p.draft;
  const lb: Write = {
    ctx: p.lbContext,
    dryRun: () => p.user.create(loadBalancerRef(namespace), p.loadBalancer, { dryRun: true }),
    commit: () => p.user.create(loadBalancerRef(namespace), p.loadBalancer),
  };
  const configMap = p.configMap;
  if (!configMap) return [lb];
  const cm = p.draft.configMap.name;
  return [
    {
      ctx: p.cmContext,
      dryRun: () => p.user.create({ ...APIS.configMaps, namespace }, configMap, { dryRun: true }),
      commit: () => p.user.create({ ...APIS.configMaps, namespace }, configMap),
      undo: {
        run: () => p.user.delete({ ...APIS.configMaps, namespace, name: cm }),
        failed: (why) =>
          `The ConfigMap ${cm} was created but could not be removed again (${why}); delete it with: kubectl delete configmap ${cm} -n ${namespace}`,
      },
    },
    lb,
  ];
}

/** The LoadBalancer first: its name and the user's rights matter most and are reported first. */
const dryRunOrder = (p: Plan) => writes(p).reverse();

export async function previewLoadBalancerCreate(identity: Identity, raw: unknown): Promise<CreatePreview> {
  const p = await plan(identity, raw);
  if ("ok" in p) return p;
  const checked = await dryRunAll(dryRunOrder(p));
  if (!checked.ok) return checked;
  const yaml = toYaml([p.configMap, p.loadBalancer].filter((o): o is KubeObject => Boolean(o)));
  return { ok: true, yaml, kubectl: kubectlApply(yaml) };
}

/**
 * Dry run, then create the ConfigMap (when new) and the LoadBalancer as the user. If the
 * LoadBalancer cannot be created, the ConfigMap this call created is deleted again.
 */
export async function createLoadBalancer(identity: Identity, raw: unknown): Promise<CreateOutcome> {
  const p = await plan(identity, raw);
  if ("ok" in p) return p;
  const { namespace, name } = p.draft;
  const audit = { user: identity.user, action: "create", resource: "loadbalancers", namespace, name };
  const checked = await dryRunAll(dryRunOrder(p));
  if (!checked.ok) return checked;
  const failed = await commitAll(writes(p), { ...audit, configMap: p.draft.configMap }, "LoadBalancer created");
  if (failed) return failed;
  await markClaimed(p);
  return { ok: true, namespace, name, href: detailHref(namespace, name) };
}

/** Set on the settings ConfigMap once its LoadBalancer exists (see markClaimed). */
export const CLAIMED_ANNOTATION = "kube-bind-portal.io/claimed-at";

/**
 * kube-bind's konnector (v0.8.1) decides whether a ConfigMap is claimed, i.e. referenced by a
 * bound object and so copied to the provider, only on events of the ConfigMap itself: one created
 * (or already there) before the LoadBalancer that names it would never reach the provider. An
 * annotation written after the LoadBalancer exists gives the konnector that event. Best effort:
 * the status page explains a ConfigMap that does not arrive.
 */
async function markClaimed(p: Plan): Promise<void> {
  const { namespace } = p.draft;
  const name = p.draft.configMap.name;
  await p.user
    .mergePatch(
      { ...APIS.configMaps, namespace, name },
      { metadata: { annotations: { [CLAIMED_ANNOTATION]: new Date().toISOString() } } },
    )
    .catch((e: unknown) =>
      log.warn({ create: { namespace, configMap: name, error: (e as Error).message } }, "could not mark the ConfigMap"),
    );
}
