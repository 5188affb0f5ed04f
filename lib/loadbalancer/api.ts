import "server-only";
import type { FormError } from "../forms/action-result";
import type { FormModel } from "../forms/form-model";
import { servedSchema } from "../forms/served";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { loadBalancerModel } from "./form";

export type LoadBalancerApi = { bound: true; model: FormModel } | { bound: false; settingUp: boolean };

/** The LoadBalancer API as the consumer cluster serves it to this user, with the form model. */
export async function loadBalancerApi(user: KubeClient): Promise<LoadBalancerApi> {
  const served = await servedSchema(user, APIS.loadBalancers);
  if (served.state === "served") return { bound: true, model: loadBalancerModel(served.kind) };
  return { bound: false, settingUp: served.state === "no-schema" };
}

export function notBoundError(api: { settingUp: boolean }, outcome = "Nothing was created."): FormError {
  return api.settingUp
    ? {
        message: `The LoadBalancer API was just bound and your cluster is still publishing its schema. ${outcome} Try again in a few seconds.`,
      }
    : {
        message: `The LoadBalancer API is not bound to your cluster, so LoadBalancers cannot be created there. ${outcome}`,
        next: { href: "/catalog", label: "Bind the LoadBalancer export in the catalog" },
      };
}
