// Core (and apps, discovery) kinds as the portal reads them.
import { z } from "zod";
import { Conditions, kind, part, Strings } from "./meta";

export const ConfigMap = kind({ data: Strings });
export type ConfigMap = z.infer<typeof ConfigMap>;

export const Namespace = kind({});
export type Namespace = z.infer<typeof Namespace>;

/** A Service: its ports (the backend a route targets) and, for a proxy, the address it got. */
export const Service = kind({
  spec: part({ ports: z.array(z.looseObject({ name: z.string().optional(), port: z.number() })).optional() }),
  status: part({
    loadBalancer: part({
      ingress: z.array(z.looseObject({ ip: z.string().optional(), hostname: z.string().optional() })).optional(),
    }),
  }),
});
export type Service = z.infer<typeof Service>;

/** A Deployment (the konnector's): its replicas as the kubelet reports them. */
export const Deployment = kind({
  spec: part({ replicas: z.number().optional() }),
  status: part({ replicas: z.number().optional(), readyReplicas: z.number().optional(), conditions: Conditions }),
});
export type Deployment = z.infer<typeof Deployment>;

export const EndpointSlice = kind({
  ports: z
    .array(z.looseObject({ name: z.string().optional(), port: z.number().optional() }))
    .nullable()
    .optional(),
  endpoints: z
    .array(z.looseObject({ addresses: z.array(z.string()), conditions: part({ ready: z.boolean().optional() }) }))
    .nullable()
    .optional(),
});
export type EndpointSlice = z.infer<typeof EndpointSlice>;

/** A CustomResourceDefinition: which group, kind and versions it serves. */
export const Crd = kind({
  spec: z.looseObject({
    group: z.string(),
    names: z.looseObject({ plural: z.string(), kind: z.string() }),
    scope: z.string().optional(),
    versions: z.array(z.looseObject({ name: z.string(), served: z.boolean(), storage: z.boolean() })),
  }),
  status: part({ conditions: Conditions, storedVersions: z.array(z.string()).optional() }),
});
export type Crd = z.infer<typeof Crd>;
