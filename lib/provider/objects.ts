// The parts of each provider object the console reads, validated with zod. Lenient like
// lib/status/objects.ts: unknown fields pass, and a malformed object counts as absent instead of
// breaking the page (parse() below).
import { z } from "zod";
import { Condition } from "../status/objects";

const Conditions = z.array(Condition).optional();
const Strings = z.record(z.string(), z.string()).optional();

export const Meta = z
  .object({
    name: z.string(),
    namespace: z.string().optional(),
    uid: z.string().optional(),
    generation: z.number().optional(),
    creationTimestamp: z.string().optional(),
    deletionTimestamp: z.string().optional(),
    labels: Strings,
    annotations: Strings,
    ownerReferences: z.array(z.object({ kind: z.string(), name: z.string(), uid: z.string() }).loose()).optional(),
  })
  .loose();

export const Crd = z
  .object({
    metadata: Meta,
    spec: z
      .object({
        group: z.string(),
        names: z.object({ plural: z.string(), kind: z.string() }).loose(),
        scope: z.string().optional(),
        versions: z.array(z.object({ name: z.string(), served: z.boolean(), storage: z.boolean() }).loose()),
      })
      .loose(),
    status: z
      .object({ conditions: Conditions, storedVersions: z.array(z.string()).optional() })
      .loose()
      .optional(),
  })
  .loose();
export type Crd = z.infer<typeof Crd>;

const Ref = z.object({ group: z.string().optional(), resource: z.string() }).loose();

export const ExportedResource = z
  .object({ group: z.string().default(""), resource: z.string(), versions: z.array(z.string()).optional() })
  .loose();

export const PermissionClaim = z
  .object({
    group: z.string().default(""),
    resource: z.string(),
    selector: z
      .object({
        labelSelector: z.unknown().optional(),
        namedResources: z.array(z.object({ name: z.string(), namespace: z.string().optional() }).loose()).optional(),
        references: z
          .array(
            Ref.extend({
              jsonPath: z.object({ name: z.string().optional(), namespace: z.string().optional() }).loose(),
            }),
          )
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type PermissionClaim = z.infer<typeof PermissionClaim>;

const ExportSpec = z
  .object({
    resources: z.array(ExportedResource).default([]),
    permissionClaims: z.array(PermissionClaim).optional(),
    scope: z.string().optional(),
  })
  .loose();

export const ExportTemplate = z.object({ metadata: Meta, spec: ExportSpec }).loose();
export type ExportTemplate = z.infer<typeof ExportTemplate>;

export const ServiceExport = z
  .object({ metadata: Meta, spec: ExportSpec, status: z.object({ conditions: Conditions }).loose().optional() })
  .loose();
export type ServiceExport = z.infer<typeof ServiceExport>;

/** APIServiceExportRequests, and the BindableResourcesRequests the portal asks the backend with. */
export const Request = z
  .object({
    metadata: Meta,
    status: z
      .object({ phase: z.string().optional(), terminalMessage: z.string().optional(), conditions: Conditions })
      .loose()
      .optional(),
  })
  .loose();
export type Request = z.infer<typeof Request>;

export const ServiceNamespace = z
  .object({ metadata: Meta, status: z.object({ namespace: z.string().optional() }).loose().optional() })
  .loose();

export const ClusterBinding = z
  .object({
    metadata: Meta,
    status: z
      .object({
        lastHeartbeatTime: z.string().optional(),
        heartbeatInterval: z.string().optional(),
        konnectorVersion: z.string().optional(),
        conditions: Conditions,
      })
      .loose()
      .optional(),
  })
  .loose();
export type ClusterBinding = z.infer<typeof ClusterBinding>;

export const Rgd = z
  .object({
    metadata: Meta,
    spec: z
      .object({
        schema: z
          .object({ kind: z.string().optional(), group: z.string().optional(), apiVersion: z.string().optional() })
          .loose()
          .optional(),
        resources: z
          .array(
            z.object({ id: z.string().optional(), template: z.record(z.string(), z.unknown()).optional() }).loose(),
          )
          .optional(),
      })
      .loose()
      .optional(),
    status: z.object({ state: z.string().optional(), conditions: Conditions }).loose().optional(),
  })
  .loose();
export type Rgd = z.infer<typeof Rgd>;

export const GatewayClass = z
  .object({
    metadata: Meta,
    spec: z.object({ controllerName: z.string().optional() }).loose().optional(),
    status: z.object({ conditions: Conditions }).loose().optional(),
  })
  .loose();
export type GatewayClass = z.infer<typeof GatewayClass>;

export const Service = z
  .object({
    metadata: Meta,
    spec: z
      .object({ ports: z.array(z.object({ name: z.string().optional(), port: z.number() }).loose()).optional() })
      .loose()
      .optional(),
  })
  .loose();
export type Service = z.infer<typeof Service>;

export const EndpointSlice = z
  .object({
    metadata: Meta,
    ports: z
      .array(z.object({ name: z.string().optional(), port: z.number().optional() }).loose())
      .nullable()
      .optional(),
    endpoints: z
      .array(
        z
          .object({
            addresses: z.array(z.string()),
            conditions: z.object({ ready: z.boolean().optional() }).loose().optional(),
          })
          .loose(),
      )
      .nullable()
      .optional(),
  })
  .loose();
export type EndpointSlice = z.infer<typeof EndpointSlice>;

/** An instance of an exported resource (a LoadBalancer): kro writes status.state and Ready. */
export const Instance = z
  .object({
    kind: z.string().optional(),
    metadata: Meta,
    status: z.object({ state: z.string().optional(), conditions: Conditions }).loose().optional(),
  })
  .loose();
export type Instance = z.infer<typeof Instance>;

export const Namespace = z.object({ metadata: Meta }).loose();
export type Namespace = z.infer<typeof Namespace>;

// Live views recompute on every change from the same stream objects, which are replaced and never
// changed in place: each object is validated once per schema.
const parsed = new WeakMap<object, Map<z.ZodType, unknown>>();

/** The objects that fit `schema`; a malformed one is left out. */
export function parseAll<S extends z.ZodType>(schema: S, raws: readonly object[]): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  for (const raw of raws) {
    const one = parse(schema, raw);
    if (one) out.push(one);
  }
  return out;
}

export function parse<S extends z.ZodType>(schema: S, raw: object | null | undefined): z.infer<S> | undefined {
  if (!raw) return undefined;
  let bySchema = parsed.get(raw);
  if (!bySchema) {
    bySchema = new Map();
    parsed.set(raw, bySchema);
  }
  if (!bySchema.has(schema)) {
    const result = schema.safeParse(raw);
    bySchema.set(schema, result.success ? result.data : undefined);
  }
  return bySchema.get(schema) as z.infer<S> | undefined;
}

export type ConditionT = z.infer<typeof Condition>;
export const condition = (conditions: ConditionT[] | undefined, type: string) =>
  conditions?.find((c) => c.type === type);
