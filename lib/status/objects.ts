// The parts of each object the model reads, validated with zod. Lenient on purpose: unknown fields
// pass, a malformed optional object counts as absent rather than breaking the whole page.
import { z } from "zod";
import type { RawObject } from "./types";

export const Condition = z
  .object({
    type: z.string(),
    status: z.string(),
    reason: z.string().optional(),
    message: z.string().optional(),
    lastTransitionTime: z.string().optional(),
    observedGeneration: z.number().optional(),
  })
  .loose();
export type Condition = z.infer<typeof Condition>;

const Conditions = z.array(Condition).optional();
const Strings = z.record(z.string(), z.string()).optional();

const Meta = z
  .object({
    name: z.string(),
    namespace: z.string().optional(),
    uid: z.string().optional(),
    generation: z.number().optional(),
    creationTimestamp: z.string().optional(),
    deletionTimestamp: z.string().optional(),
    labels: Strings,
    annotations: Strings,
  })
  .loose();

export const LoadBalancer = z
  .object({
    metadata: Meta,
    spec: z
      .object({
        domain: z.string(),
        configMapRef: z.string(),
        targetService: z.string(),
        targetServiceNamespace: z.string(),
        targetPort: z.number(),
      })
      .partial()
      .loose()
      .optional(),
    status: z.object({ state: z.string(), address: z.string(), conditions: Conditions }).partial().loose().optional(),
  })
  .loose();
export type LoadBalancer = z.infer<typeof LoadBalancer>;

export const ConfigMap = z.object({ metadata: Meta, data: Strings }).loose();
export type ConfigMap = z.infer<typeof ConfigMap>;

export const Gateway = z
  .object({
    metadata: Meta,
    status: z
      .object({
        addresses: z.array(z.object({ type: z.string().optional(), value: z.string() }).loose()).optional(),
        conditions: Conditions,
        listeners: z
          .array(z.object({ name: z.string(), attachedRoutes: z.number().optional(), conditions: Conditions }).loose())
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type Gateway = z.infer<typeof Gateway>;

const BackendRef = z
  .object({ name: z.string(), namespace: z.string().optional(), port: z.number().optional() })
  .loose();

export const HTTPRoute = z
  .object({
    metadata: Meta,
    spec: z
      .object({ rules: z.array(z.object({ backendRefs: z.array(BackendRef).optional() }).loose()).optional() })
      .loose()
      .optional(),
    status: z
      .object({
        parents: z
          .array(z.object({ controllerName: z.string().optional(), conditions: Conditions }).loose())
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type HTTPRoute = z.infer<typeof HTTPRoute>;

export const Service = z
  .object({
    metadata: Meta,
    status: z
      .object({
        loadBalancer: z
          .object({
            ingress: z
              .array(z.object({ ip: z.string().optional(), hostname: z.string().optional() }).loose())
              .optional(),
          })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type Service = z.infer<typeof Service>;

export const Rgd = z
  .object({
    metadata: Meta,
    status: z.object({ state: z.string(), conditions: Conditions }).partial().loose().optional(),
  })
  .loose();
export type Rgd = z.infer<typeof Rgd>;

export const ClusterBinding = z
  .object({
    metadata: Meta,
    status: z
      .object({
        lastHeartbeatTime: z.string(),
        heartbeatInterval: z.string(),
        konnectorVersion: z.string(),
        conditions: Conditions,
      })
      .partial()
      .loose()
      .optional(),
  })
  .loose();
export type ClusterBinding = z.infer<typeof ClusterBinding>;

/** The konnector's Deployment on the consumer: its replicas as the kubelet reports them. */
export const Deployment = z
  .object({
    metadata: Meta,
    spec: z.object({ replicas: z.number() }).partial().loose().optional(),
    status: z
      .object({ replicas: z.number(), readyReplicas: z.number(), conditions: Conditions })
      .partial()
      .loose()
      .optional(),
  })
  .loose();
export type Deployment = z.infer<typeof Deployment>;

export const ReferenceGrant = z.object({ metadata: Meta }).loose();
export type ReferenceGrant = z.infer<typeof ReferenceGrant>;

// Live views recompute every status from the same hub objects on each change: a dashboard of
// 2,000 LoadBalancers spent most of its time validating objects it had validated before. Objects
// from the hub are replaced, never changed in place, so each is validated once per schema.
const validated = new WeakMap<object, Map<z.ZodType, z.ZodSafeParseResult<unknown>>>();

function parseOnce<S extends z.ZodType>(schema: S, raw: RawObject): z.ZodSafeParseResult<z.infer<S>> {
  let bySchema = validated.get(raw);
  if (!bySchema) {
    bySchema = new Map();
    validated.set(raw, bySchema);
  }
  let parsed = bySchema.get(schema);
  if (!parsed) {
    parsed = schema.safeParse(raw);
    bySchema.set(schema, parsed);
  }
  return parsed as z.ZodSafeParseResult<z.infer<S>>;
}

/** Parses an object; throws (with zod's issues) when it does not fit. */
export function parseRequired<S extends z.ZodType>(schema: S, raw: RawObject): z.infer<S> {
  const parsed = parseOnce(schema, raw);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/** Parses an optional object; a malformed one counts as absent. */
export function parseOptional<S extends z.ZodType>(
  schema: S,
  raw: RawObject | null | undefined,
): z.infer<S> | undefined {
  if (!raw) return undefined;
  const parsed = parseOnce(schema, raw);
  return parsed.success ? parsed.data : undefined;
}

export const findCondition = (conditions: Condition[] | undefined, type: string) =>
  conditions?.find((c) => c.type === type);
