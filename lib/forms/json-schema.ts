import { z } from "zod";
import { Meta } from "../k8s/models/meta";

/**
 * The part of a CRD's openAPIV3Schema (apiextensions JSONSchemaProps) that a form can use.
 * Validated with zod because it comes from a cluster; unknown keywords pass through.
 */
export interface JsonSchema {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  required?: string[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  allOf?: JsonSchema[];
  $ref?: string;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
}

export const JsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z
    .object({
      type: z.string(),
      description: z.string(),
      default: z.unknown(),
      enum: z.array(z.unknown()),
      pattern: z.string(),
      format: z.string(),
      minimum: z.number(),
      maximum: z.number(),
      exclusiveMinimum: z.boolean(),
      exclusiveMaximum: z.boolean(),
      minLength: z.number().int(),
      maxLength: z.number().int(),
      required: z.array(z.string()),
      nullable: z.boolean(),
      properties: z.record(z.string(), JsonSchema),
      items: JsonSchema,
      additionalProperties: z.union([JsonSchema, z.boolean()]),
      allOf: z.array(JsonSchema),
      $ref: z.string(),
      "x-kubernetes-preserve-unknown-fields": z.boolean(),
      "x-kubernetes-int-or-string": z.boolean(),
    })
    .partial()
    .loose(),
);

const CrdVersion = z.object({
  name: z.string(),
  served: z.boolean(),
  schema: z.object({ openAPIV3Schema: JsonSchema }).optional(),
});

export const Crd = z.object({
  metadata: Meta,
  spec: z.object({
    group: z.string(),
    scope: z.enum(["Namespaced", "Cluster"]),
    names: z.object({ kind: z.string(), plural: z.string() }).loose(),
    versions: z.array(CrdVersion),
  }),
});
export type Crd = z.infer<typeof Crd>;

/** What the form generator needs about one served kind. */
export interface KindSchema {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  schema: JsonSchema;
}

/** The schema of one served version of a CRD object (as read from a cluster). */
export function kindSchemaFromCrd(raw: unknown, version?: string): KindSchema {
  const crd = Crd.parse(raw);
  const v = version
    ? crd.spec.versions.find((x) => x.name === version)
    : (crd.spec.versions.find((x) => x.served) ?? crd.spec.versions[0]);
  if (!v) throw new Error(`CRD ${crd.metadata.name} has no version ${version ?? "served"}`);
  if (!v.schema) throw new Error(`CRD ${crd.metadata.name} version ${v.name} has no openAPIV3Schema`);
  return {
    group: crd.spec.group,
    version: v.name,
    kind: crd.spec.names.kind,
    plural: crd.spec.names.plural,
    namespaced: crd.spec.scope === "Namespaced",
    schema: v.schema.openAPIV3Schema,
  };
}

const OpenApiDocument = z.object({
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }).loose(),
});

const Gvk = z.array(z.object({ group: z.string(), version: z.string(), kind: z.string() }));

/**
 * The published schema of a kind from the apiserver's OpenAPI v3 document of its group version
 * (/openapi/v3/apis/<group>/<version>), which every authenticated user may read. The apiserver
 * publishes a CRD's openAPIV3Schema there unchanged, except that `metadata` becomes a $ref.
 */
export function schemaFromOpenApiV3(doc: unknown, gvk: { group: string; version: string; kind: string }) {
  const parsed = OpenApiDocument.parse(doc);
  for (const raw of Object.values(parsed.components.schemas)) {
    const ids = Gvk.safeParse((raw as Record<string, unknown>)?.["x-kubernetes-group-version-kind"]);
    if (!ids.success) continue;
    if (ids.data.some((x) => x.group === gvk.group && x.version === gvk.version && x.kind === gvk.kind)) {
      return JsonSchema.parse(raw);
    }
  }
  return null;
}
