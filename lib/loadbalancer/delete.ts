import "server-only";
import { z } from "zod";
import { type FormResult, fail } from "../forms/action-result";
import { APIS } from "../k8s/apis";
import { userClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { Identity } from "../k8s/types";
import { log } from "../log";
import { explainedFailure, type WriteContext } from "../writes/explain-error";
import { commitAll, dryRunAll, type Write } from "../writes/write-flow";
import { LoadBalancerObject } from "./detail";
import { LoadBalancerName, NamespaceName, unreadableForm } from "./names";
import { loadBalancerRef } from "./resource";

export const DeleteInput = z.object({
  namespace: NamespaceName,
  name: LoadBalancerName,
  /** the name typed again, as confirmation */
  confirm: z.string().max(300),
  deleteConfigMap: z.boolean(),
});

export type DeleteOutcome = FormResult<{ href: string; warning?: string }>;

/**
 * Deletes a LoadBalancer as the user after the name was typed again; optionally its ConfigMap,
 * unless another LoadBalancer in the namespace still uses it. kube-bind then removes the provider
 * copy and kro its children.
 */
export async function deleteLoadBalancer(identity: Identity, raw: unknown): Promise<DeleteOutcome> {
  const input = DeleteInput.safeParse(raw);
  if (!input.success) return fail({ form: unreadableForm(input.error) });
  const { namespace, name, confirm, deleteConfigMap } = input.data;
  if (confirm.trim() !== name) return fail({ confirm: `Type ${name} exactly to confirm the deletion.` });
  const user = await userClient("consumer", identity);
  const ref = { ...loadBalancerRef(namespace), name };
  const ctx: WriteContext = {
    verb: "delete",
    kind: "LoadBalancer",
    namespace,
    name,
    nameField: "confirm",
    fields: [],
    outcome: "Nothing was deleted.",
  };
  let lb: LoadBalancerObject;
  try {
    lb = LoadBalancerObject.parse(await user.get(ref));
  } catch (e) {
    return explainedFailure(e, ctx);
  }
  const cmName = deleteConfigMap ? lb.spec.configMapRef : undefined;
  const cmRef = cmName ? { ...APIS.configMaps, namespace, name: cmName } : undefined;
  const cmCtx: WriteContext = { ...ctx, kind: "ConfigMap", name: cmName ?? "", nameField: "deleteConfigMap" };
  if (cmName) {
    try {
      const others = (await user.list(loadBalancerRef(namespace))).items
        .map((o) => LoadBalancerObject.parse(o))
        .filter((o) => o.metadata.name !== name && o.spec.configMapRef === cmName)
        .map((o) => o.metadata.name);
      if (others.length) {
        return fail({
          deleteConfigMap: `The ConfigMap ${cmName} is still used by ${others.join(", ")}; keep it, or delete those first.`,
        });
      }
    } catch (e) {
      return explainedFailure(e, ctx);
    }
  }
  const lbWrite: Write = { ctx, dryRun: () => user.delete(ref, { dryRun: true }), commit: () => user.delete(ref) };
  const cmWrite: Write[] = cmRef
    ? [{ ctx: cmCtx, dryRun: () => user.delete(cmRef, { dryRun: true }), commit: () => user.delete(cmRef) }]
    : [];
  const checked = await dryRunAll([lbWrite, ...cmWrite]);
  if (!checked.ok) return checked;
  const audit = { user: identity.user, action: "delete", resource: "loadbalancers", namespace, name };
  const failed = await commitAll([lbWrite], audit, "LoadBalancer deleted");
  if (failed) return failed;
  let warning: string | undefined;
  if (cmRef) {
    try {
      await user.delete(cmRef);
      log.info(
        { audit: { user: identity.user, action: "delete", resource: "configmaps", namespace, name: cmName } },
        "ConfigMap deleted",
      );
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      warning = `The LoadBalancer was deleted, but its ConfigMap ${cmName} could not be (${e.message}). Delete it with: kubectl delete configmap ${cmName} -n ${namespace}`;
    }
  }
  return warning ? { ok: true, href: "/loadbalancers", warning } : { ok: true, href: "/loadbalancers" };
}
