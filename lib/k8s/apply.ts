// Server-side apply of manifests (objects named by apiVersion and kind, as in YAML files).
import { parseAllDocuments } from "yaml";
import type { ApplyOptions, KubeClient } from "./client";
import { refFor, type TypedObject } from "./discovery";
import type { KubeObject } from "./types";

/** Every document of a YAML stream that names a kind (empty documents and comments skipped). */
export function parseManifests(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as KubeObject | null)
    .filter((obj): obj is KubeObject => Boolean(obj?.kind));
}

/** Applies one object; its status, if the manifest has one, is left to its controller. */
export async function applyObject<T extends KubeObject = KubeObject>(
  client: KubeClient,
  obj: TypedObject,
  opts: ApplyOptions = {},
): Promise<T> {
  const { status: _status, ...desired } = obj as TypedObject & { status?: unknown };
  const ref = await refFor(client, desired);
  if (!ref.name) throw new Error(`cannot apply a ${obj.kind} without metadata.name`);
  return client.apply<T>({ ...ref, name: ref.name }, desired, opts);
}

/** Applies many objects: Namespaces, then CRDs, then the rest, so later ones can land in them. */
export async function applyAll(client: KubeClient, objects: TypedObject[], opts: ApplyOptions = {}): Promise<void> {
  const rank = (o: TypedObject) => (o.kind === "Namespace" ? 0 : o.kind === "CustomResourceDefinition" ? 1 : 2);
  for (const group of [0, 1, 2])
    await Promise.all(objects.filter((o) => rank(o) === group).map((o) => applyObject(client, o, opts)));
}
