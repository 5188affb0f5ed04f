// Objects to apply and how to show them: YAML and the kubectl command that would do the same.
// Pure.
import { stringify } from "yaml";
import type { FormModel } from "../forms/form-model";
import type { KubeObject } from "../k8s/types";

export function resourceObject(
  model: Pick<FormModel, "group" | "version" | "kind">,
  meta: { name: string; namespace?: string },
  fragment: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: model.group ? `${model.group}/${model.version}` : model.version,
    kind: model.kind,
    metadata: meta.namespace ? { name: meta.name, namespace: meta.namespace } : { name: meta.name },
    ...fragment,
  };
}

/** Objects as one multi-document YAML, in the order they are applied. */
export function toYaml(objects: KubeObject[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n");
}

/** The shell command that applies the same YAML. The quoted heredoc keeps $ and ` literal. */
export function kubectlApply(yaml: string): string {
  return `kubectl apply -f - <<'EOF'\n${yaml}EOF`;
}

/** What the apiserver returned, reduced to what a person wrote (for previews of edits). */
export function userFacing(obj: KubeObject): KubeObject {
  const { name, namespace, labels, annotations } = obj.metadata;
  const { status: _status, ...rest } = obj;
  const metadata: KubeObject["metadata"] = { name, ...(namespace ? { namespace } : {}) };
  if (labels && Object.keys(labels).length) metadata.labels = labels;
  const kept = Object.fromEntries(
    Object.entries(annotations ?? {}).filter(([k]) => k !== "kubectl.kubernetes.io/last-applied-configuration"),
  );
  if (Object.keys(kept).length) metadata.annotations = kept;
  return { ...rest, metadata };
}
