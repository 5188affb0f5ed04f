// CRD ⇄ BoundSchema, as upstream's helpers (UnstructuredToBoundSchema on an exported CRD on the
// provider; BoundSchemaToCRD in the konnector). Pure functions.
import { createHash } from "node:crypto";
import type { OwnerReference } from "./client";
import { API_VERSION } from "./naming";
import type { BoundSchema, Crd, CrdVersion } from "./types";

/** The version fields a BoundSchema carries (APIResourceVersion), in the CRD's wire form. */
function version(v: CrdVersion): CrdVersion {
  const out: CrdVersion = { name: v.name, served: v.served, storage: v.storage };
  if (v.deprecated) out.deprecated = v.deprecated;
  if (v.deprecationWarning) out.deprecationWarning = v.deprecationWarning;
  // Upstream keeps the raw CustomResourceValidation, i.e. {openAPIV3Schema: {...}}.
  if (v.schema?.openAPIV3Schema) out.schema = { openAPIV3Schema: structuredClone(v.schema.openAPIV3Schema) };
  if (v.subresources) out.subresources = structuredClone(v.subresources);
  if (v.additionalPrinterColumns?.length) out.additionalPrinterColumns = structuredClone(v.additionalPrinterColumns);
  return out;
}

/** BoundSchema `<plural>.<group>` in the request's namespace for an exported CRD. */
export function boundSchemaFromCrd(crd: Crd, namespace: string, informerScope: string): BoundSchema {
  const { group, names, scope, versions, conversion } = crd.spec;
  return {
    apiVersion: API_VERSION,
    kind: "BoundSchema",
    metadata: { name: `${names.plural}.${group}`, namespace },
    spec: {
      informerScope,
      group,
      names: structuredClone(names),
      scope,
      versions: versions.map(version),
      ...(conversion ? { conversion: structuredClone(conversion) } : {}),
    },
  };
}

/** The consumer CRD for a BoundSchema, owned (controller) by the APIServiceBinding. */
export function crdFromBoundSchema(schema: BoundSchema, binding: { name: string; uid: string }): Crd {
  const { group, names, scope, versions, conversion } = schema.spec;
  const owner: OwnerReference = {
    apiVersion: API_VERSION,
    kind: "APIServiceBinding",
    name: binding.name,
    uid: binding.uid,
    controller: true,
  };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${names.plural}.${group}`, ownerReferences: [owner] },
    spec: {
      group,
      names: structuredClone(names),
      scope,
      versions: versions.map((v) => ({ ...version(v), subresources: structuredClone(v.subresources ?? {}) })),
      ...(conversion ? { conversion: structuredClone(conversion) } : {}),
    },
  };
}

/** helpers.IsOwnedByBinding: a kube-bind.io APIServiceBinding owner of that name (and uid, if given). */
export function isOwnedByBinding(refs: OwnerReference[] | undefined, name: string, uid?: string): boolean {
  return (refs ?? []).some(
    (r) =>
      r.apiVersion.split("/")[0] === "kube-bind.io" &&
      r.kind === "APIServiceBinding" &&
      r.name === name &&
      (!uid || r.uid === uid),
  );
}

/** kube-bind.io/source-spec-hash: SHA-256 over the schemas' JSON, one per line (like Go's json.Encoder). */
export function boundSchemasHash(schemas: BoundSchema[]): string {
  const hash = createHash("sha256");
  for (const s of schemas) hash.update(`${JSON.stringify(s)}\n`);
  return hash.digest("hex");
}

/** The version to read and write objects in: the storage version, else the first served one. */
export function preferredVersion(schema: BoundSchema): string {
  const v = schema.spec.versions.find((x) => x.storage) ?? schema.spec.versions.find((x) => x.served);
  if (!v) throw new Error(`BoundSchema ${schema.metadata.name} has no served version`);
  return v.name;
}
