// Manifests (objects named by apiVersion and kind, as in YAML files): server-side apply, and
// reading or patching the object a manifest names.
import { parseAllDocuments } from "yaml";
import type { ApplyOptions, KubeClient } from "./client";
import { refFor, type TypedObject } from "./discovery";
import { isNotFound } from "./errors";
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
  return client.apply<T>(await namedRef(client, desired), desired, opts);
}

/** Applies many objects: Namespaces, then CRDs, then the rest, so later ones can land in them. */
export async function applyAll(client: KubeClient, objects: TypedObject[], opts: ApplyOptions = {}): Promise<void> {
  const rank = (o: TypedObject) => (o.kind === "Namespace" ? 0 : o.kind === "CustomResourceDefinition" ? 1 : 2);
  for (const group of [0, 1, 2])
    await Promise.all(objects.filter((o) => rank(o) === group).map((o) => applyObject(client, o, opts)));
}

async function namedRef(client: KubeClient, obj: TypedObject) {
  const ref = await refFor(client, obj);
  if (!ref.name) throw new Error(`a ${obj.kind} manifest without metadata.name names no object`);
  return { ...ref, name: ref.name };
}

/** The object a manifest names, or undefined when it does not exist. */
export async function getObject<T extends KubeObject = KubeObject>(
  client: KubeClient,
  obj: TypedObject,
): Promise<T | undefined> {
  return client.get<T>(await namedRef(client, obj)).catch((e: unknown) => {
    if (isNotFound(e)) return undefined;
    throw e;
  });
}

export async function mergePatchObject(client: KubeClient, obj: TypedObject, patch: unknown): Promise<void> {
  await client.mergePatch(await namedRef(client, obj), patch);
}

export async function deleteObject(client: KubeClient, obj: TypedObject): Promise<void> {
  await client.delete(await namedRef(client, obj));
}
