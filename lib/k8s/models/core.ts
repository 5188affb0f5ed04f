// Core (and apps, discovery) kinds as the portal reads them.
import { z } from "zod";
import { Conditions, Meta, Strings } from "./meta";

export const ConfigMap = z.object({ metadata: Meta, data: Strings }).loose();
export type ConfigMap = z.infer<typeof ConfigMap>;

export const Namespace = z.object({ metadata: Meta }).loose();
export type Namespace = z.infer<typeof Namespace>;

/** A Service: its ports (the backend a route targets) and, for a proxy, the address it got. */
export const Service = z
  .object({
    metadata: Meta,
    spec: z
      .object({ ports: z.array(z.object({ name: z.string().optional(), port: z.number() }).loose()).optional() })
      .loose()
      .optional(),
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

/** A Deployment (the konnector's): its replicas as the kubelet reports them. */
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

/** A CustomResourceDefinition: which group, kind and versions it serves. */
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
