// Draft → the LoadBalancer and ConfigMap objects to apply. Pure.

import type { FormModel } from "../forms/form-model";
import type { KubeObject } from "../k8s/types";
import { resourceObject } from "../writes/objects";
import type { Draft } from "./draft";

export function configMapObject(draft: Draft): KubeObject | undefined {
  if (draft.configMap.mode !== "new") return undefined;
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: draft.configMap.name, namespace: draft.namespace },
    data: draft.configMap.data,
  };
}

export function loadBalancerObject(model: FormModel, draft: Draft): KubeObject {
  return resourceObject(model, draft, draft.fragment);
}
