// Pure: is an export bound to the user's cluster, by what, since when, and may this user bind it?
// The facts are read as the user (lib/catalog/read-bind-state.ts); the judgement is here.
import { ApiServiceBinding, findCondition } from "../k8s/models";
import type { ExportTemplate } from "./templates";

export interface BindFacts {
  /** "group/resource" of every exported resource the consumer cluster serves (discovery as the user) */
  served: Set<string>;
  /** the consumer's APIServiceBindings, or "forbidden" when the user may not list them */
  bindings: unknown[] | "forbidden";
  /** whether the user may bind (create the binding, the konnector and its Secret) */
  mayBind: boolean;
}

export type BindState =
  | {
      state: "bound";
      binding: string;
      since?: string;
      /** how it was made: the portal's browser bind or the kubectl bind CLI */
      via?: "the portal" | "kubectl bind";
      ready: boolean;
      problem?: string;
    }
  /** the cluster serves the API, but the user cannot see the binding: an administrator made it */
  | { state: "bound-by-admin" }
  | { state: "not-bound"; mayBind: boolean };

const key = (r: { group: string; resource: string }) => `${r.group}/${r.resource}`;

function via(managers: (string | undefined)[]): "the portal" | "kubectl bind" | undefined {
  if (managers.includes("kube-bind-portal")) return "the portal";
  if (managers.some((m) => m?.startsWith("kubectl-bind") || m === "kubectl")) return "kubectl bind";
  return undefined;
}

export function bindState(template: ExportTemplate, facts: BindFacts): BindState {
  const wanted = template.spec.resources.map(key);
  const served = wanted.length > 0 && wanted.every((k) => facts.served.has(k));
  if (facts.bindings !== "forbidden") {
    for (const raw of facts.bindings) {
      const parsed = ApiServiceBinding.safeParse(raw);
      if (!parsed.success) continue;
      const b = parsed.data;
      const schemas = (b.status?.boundSchemas ?? []).map(key);
      const covers = wanted.length > 0 && wanted.every((k) => schemas.includes(k));
      if (!covers && b.metadata.name !== template.metadata.name) continue;
      const ready = findCondition(b.status?.conditions, "Ready");
      return {
        state: "bound",
        binding: b.metadata.name,
        since: b.metadata.creationTimestamp,
        via: via((b.metadata.managedFields ?? []).map((f) => f.manager)),
        ready: ready?.status === "True",
        problem: ready && ready.status !== "True" ? ready.message : undefined,
      };
    }
  }
  if (served) return { state: "bound-by-admin" };
  return { state: "not-bound", mayBind: facts.mayBind };
}
