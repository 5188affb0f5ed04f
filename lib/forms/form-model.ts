// CRD schema → form model: one flat list of fields (path, kind, constraints, default, help) that a
// generic form renders and the validator checks. Pure and isomorphic.
import type { JsonSchema, KindSchema } from "./json-schema";
import type { Rule } from "./kubernetes-rules";

export type FieldKind =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "string-list"
  | "string-map"
  | "unsupported";

export type Scalar = string | number | boolean;

/** The schema's own constraints, as the schema states them. */
type Constraints = Pick<
  JsonSchema,
  | "description"
  | "pattern"
  | "format"
  | "minimum"
  | "maximum"
  | "exclusiveMinimum"
  | "exclusiveMaximum"
  | "minLength"
  | "maxLength"
>;

export interface FormField extends Constraints {
  /** dotted path from the object root, e.g. "spec.targetPort"; also the field's form key */
  path: string;
  label: string;
  kind: FieldKind;
  /** must be set whenever the object is created */
  required: boolean;
  /** must be set when a sibling in the same (optional) parent object is set */
  requiredInParent: boolean;
  /** the parent object's path, e.g. "spec" */
  parent: string;
  default?: Scalar;
  /** enum values, for kind "enum" */
  options?: Scalar[];
  /** for enum and string-list: the JSON type of each value */
  valueType?: "string" | "integer" | "number";
  intOrString?: boolean;
  /** why a field cannot be edited in a form (kind "unsupported") */
  unsupported?: string;
  // Set by hints (see hints.ts), never by the schema:
  rule?: Rule;
  help?: string;
  placeholder?: string;
  widget?: string;
}

export interface FormSection {
  path: string;
  label: string;
  description?: string;
}

export interface FormModel {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  sections: FormSection[];
  fields: FormField[];
}

/** Root properties the apiserver or controllers own; never part of a create form. */
const RESERVED_ROOT = new Set(["apiVersion", "kind", "metadata", "status"]);
const MAX_DEPTH = 6;

/** "targetServiceNamespace" → "Target service namespace" */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .split(/\s+/);
  return words
    .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : /^[A-Z0-9]+$/.test(w) ? w : w.toLowerCase()))
    .join(" ");
}

function scalar(v: unknown): Scalar | undefined {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
}

function scalarType(s: JsonSchema): "string" | "integer" | "number" | undefined {
  return s.type === "string" || s.type === "integer" || s.type === "number" ? s.type : undefined;
}

/** A $ref'd or allOf-wrapped schema (as OpenAPI publishes metadata) is treated as opaque. */
function isOpaque(s: JsonSchema): boolean {
  return Boolean(s.$ref || s.allOf || s["x-kubernetes-preserve-unknown-fields"]);
}

function leaf(
  s: JsonSchema,
  base: Pick<FormField, "path" | "label" | "required" | "requiredInParent" | "parent">,
): FormField {
  const field: FormField = { ...base, kind: "unsupported" };
  if (s.description) field.description = s.description;
  const def = scalar(s.default);
  if (def !== undefined) field.default = def;
  for (const k of ["pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    if (s[k] !== undefined) (field as unknown as Record<string, unknown>)[k] = s[k];
  }
  if (s.minLength !== undefined) field.minLength = s.minLength;
  if (s.maxLength !== undefined) field.maxLength = s.maxLength;

  if (s["x-kubernetes-int-or-string"]) return { ...field, kind: "string", intOrString: true };
  if (s.enum?.length && scalarType(s)) {
    return {
      ...field,
      kind: "enum",
      options: s.enum.map(scalar).filter((v) => v !== undefined),
      valueType: scalarType(s),
    };
  }
  switch (s.type) {
    case "string":
    case "integer":
    case "number":
    case "boolean":
      return { ...field, kind: s.type };
    case "array": {
      const item = s.items && scalarType(s.items);
      if (item && s.items && !s.items.enum) return { ...field, kind: "string-list", valueType: item };
      return { ...field, unsupported: "a list of objects" };
    }
    case "object":
      if (typeof s.additionalProperties === "object" && s.additionalProperties.type === "string") {
        return { ...field, kind: "string-map" };
      }
      return { ...field, unsupported: "a free-form object" };
    default:
      return { ...field, unsupported: `a value of type ${s.type ?? "any"}` };
  }
}

function walk(
  s: JsonSchema,
  path: string,
  always: boolean,
  depth: number,
  model: Pick<FormModel, "fields" | "sections">,
): void {
  const required = new Set(s.required ?? []);
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    const childPath = path ? `${path}.${key}` : key;
    if (!path && RESERVED_ROOT.has(key)) continue;
    const inParent = required.has(key);
    const isObject = child.type === "object" && child.properties && !isOpaque(child);
    if (isObject && depth < MAX_DEPTH) {
      // Top-level objects (spec) are always sent by the form; deeper ones are present when they
      // must exist or the apiserver defaults them to {}.
      const present = always && (!path || inParent || child.default !== undefined);
      model.sections.push({ path: childPath, label: humanize(key), description: child.description });
      walk(child, childPath, present, depth + 1, model);
      continue;
    }
    const base = {
      path: childPath,
      label: humanize(key),
      required: always && inParent,
      requiredInParent: inParent,
      parent: path,
    };
    model.fields.push(
      isOpaque(child)
        ? { ...base, kind: "unsupported", unsupported: "a free-form value", description: child.description }
        : leaf(child, base),
    );
  }
}

/** Builds the form model of a kind from its openAPIV3Schema. */
export function formModel(k: KindSchema): FormModel {
  const model: FormModel = {
    group: k.group,
    version: k.version,
    kind: k.kind,
    plural: k.plural,
    namespaced: k.namespaced,
    sections: [],
    fields: [],
  };
  walk(k.schema, "", true, 0, model);
  return model;
}

/** The form's starting values: each field's default, as the inputs show it. */
export function initialValues(model: FormModel): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const f of model.fields) {
    if (f.default === undefined) continue;
    values[f.path] = f.kind === "boolean" ? f.default === true : String(f.default);
  }
  return values;
}

/** Form values for an existing object (for editing): each field's current value as text. */
export function valuesFromObject(model: FormModel, obj: Record<string, unknown>): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const f of model.fields) {
    const v = f.path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
    if (v === undefined || v === null) continue;
    if (f.kind === "boolean") values[f.path] = v === true;
    else if (f.kind === "string-list" && Array.isArray(v)) values[f.path] = v.join("\n");
    else if (f.kind === "string-map" && typeof v === "object")
      values[f.path] = Object.entries(v as Record<string, unknown>)
        .map(([key, val]) => `${key}=${val}`)
        .join("\n");
    else if (scalar(v) !== undefined) values[f.path] = String(v);
  }
  return values;
}
