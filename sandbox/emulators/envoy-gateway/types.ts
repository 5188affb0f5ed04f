// The fields of Gateway API and core objects the emulator reads, validated at the boundary.
// Loose objects keep every other field, because status writes send the whole object back.
import { z } from "zod";
import { Condition as KubeCondition } from "../../../lib/k8s/condition";

const Labels = z.record(z.string(), z.string());

export const ObjectMeta = z.looseObject({
  name: z.string(),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  generation: z.number().optional(),
  resourceVersion: z.string().optional(),
  labels: Labels.optional(),
  annotations: Labels.optional(),
  deletionTimestamp: z.string().optional(),
});

// Gateway API requires status, reason and message, and the emulator writes all three.
export const Condition = KubeCondition.extend({
  status: z.enum(["True", "False", "Unknown"]),
  reason: z.string(),
  message: z.string(),
});
export type Condition = z.infer<typeof Condition>;

export const GatewayClass = z.looseObject({
  metadata: ObjectMeta,
  spec: z.looseObject({ controllerName: z.string() }),
  status: z.looseObject({ conditions: z.array(Condition).optional() }).optional(),
});
export type GatewayClass = z.infer<typeof GatewayClass>;

export const LabelSelector = z.looseObject({
  matchLabels: Labels.optional(),
  matchExpressions: z
    .array(z.looseObject({ key: z.string(), operator: z.string(), values: z.array(z.string()).nullish() }))
    .nullish(),
});
export type LabelSelector = z.infer<typeof LabelSelector>;

export const Listener = z.looseObject({
  name: z.string(),
  hostname: z.string().optional(),
  port: z.number(),
  protocol: z.string(),
  allowedRoutes: z
    .looseObject({
      namespaces: z
        .looseObject({ from: z.enum(["All", "Same", "Selector"]).optional(), selector: LabelSelector.nullish() })
        .optional(),
      kinds: z.array(z.looseObject({ group: z.string().optional(), kind: z.string() })).optional(),
    })
    .optional(),
});
export type Listener = z.infer<typeof Listener>;

export const GatewayAddress = z.looseObject({ type: z.string().optional(), value: z.string() });
export type GatewayAddress = z.infer<typeof GatewayAddress>;

export const ListenerStatus = z.looseObject({
  name: z.string(),
  supportedKinds: z.array(z.looseObject({ group: z.string().optional(), kind: z.string() })),
  attachedRoutes: z.number(),
  conditions: z.array(Condition),
});
export type ListenerStatus = z.infer<typeof ListenerStatus>;

export const Gateway = z.looseObject({
  metadata: ObjectMeta,
  spec: z.looseObject({ gatewayClassName: z.string(), listeners: z.array(Listener) }),
  status: z
    .looseObject({
      addresses: z.array(GatewayAddress).optional(),
      conditions: z.array(Condition).optional(),
      listeners: z.array(ListenerStatus).optional(),
    })
    .optional(),
});
export type Gateway = z.infer<typeof Gateway>;

export const ParentRef = z.looseObject({
  group: z.string().optional(),
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string(),
  sectionName: z.string().optional(),
  port: z.number().optional(),
});
export type ParentRef = z.infer<typeof ParentRef>;

const HTTPHeader = z.looseObject({ name: z.string(), value: z.string() });
export const HeaderModifier = z.looseObject({
  set: z.array(HTTPHeader).nullish(),
  add: z.array(HTTPHeader).nullish(),
  remove: z.array(z.string()).nullish(),
});
export type HeaderModifier = z.infer<typeof HeaderModifier>;

export const RouteFilter = z.looseObject({
  type: z.string(),
  requestHeaderModifier: HeaderModifier.optional(),
  responseHeaderModifier: HeaderModifier.optional(),
});
export type RouteFilter = z.infer<typeof RouteFilter>;

export const BackendRef = z.looseObject({
  group: z.string().optional(),
  kind: z.string().optional(),
  name: z.string(),
  namespace: z.string().optional(),
  port: z.number().optional(),
  weight: z.number().optional(),
  filters: z.array(RouteFilter).optional(),
});
export type BackendRef = z.infer<typeof BackendRef>;

export const RouteMatch = z.looseObject({
  path: z.looseObject({ type: z.string().optional(), value: z.string().optional() }).optional(),
  headers: z.array(z.looseObject({ type: z.string().optional(), name: z.string(), value: z.string() })).optional(),
  method: z.string().optional(),
});
export type RouteMatch = z.infer<typeof RouteMatch>;

export const RouteRule = z.looseObject({
  matches: z.array(RouteMatch).optional(),
  filters: z.array(RouteFilter).optional(),
  backendRefs: z.array(BackendRef).optional(),
});
export type RouteRule = z.infer<typeof RouteRule>;

export const RouteParentStatus = z.looseObject({
  parentRef: ParentRef,
  controllerName: z.string(),
  conditions: z.array(Condition),
});
export type RouteParentStatus = z.infer<typeof RouteParentStatus>;

export const HTTPRoute = z.looseObject({
  metadata: ObjectMeta,
  spec: z.looseObject({
    parentRefs: z.array(ParentRef).optional(),
    hostnames: z.array(z.string()).optional(),
    rules: z.array(RouteRule).optional(),
  }),
  status: z.looseObject({ parents: z.array(RouteParentStatus).optional() }).optional(),
});
export type HTTPRoute = z.infer<typeof HTTPRoute>;

export const ReferenceGrant = z.looseObject({
  metadata: ObjectMeta,
  spec: z.looseObject({
    from: z.array(z.looseObject({ group: z.string(), kind: z.string(), namespace: z.string() })),
    to: z.array(z.looseObject({ group: z.string(), kind: z.string(), name: z.string().optional() })),
  }),
});
export type ReferenceGrant = z.infer<typeof ReferenceGrant>;

export const ServicePort = z.looseObject({
  name: z.string().optional(),
  port: z.number(),
  protocol: z.string().optional(),
  targetPort: z.union([z.number(), z.string()]).optional(),
});
export type ServicePort = z.infer<typeof ServicePort>;

export const Service = z.looseObject({
  metadata: ObjectMeta,
  spec: z.looseObject({ type: z.string().optional(), ports: z.array(ServicePort).nullish() }).optional(),
  status: z
    .looseObject({
      loadBalancer: z
        .looseObject({
          ingress: z.array(z.looseObject({ ip: z.string().optional(), hostname: z.string().optional() })).nullish(),
        })
        .optional(),
    })
    .optional(),
});
export type Service = z.infer<typeof Service>;

export const EndpointSlice = z.looseObject({
  metadata: ObjectMeta,
  addressType: z.string(),
  ports: z
    .array(z.looseObject({ name: z.string().nullish(), port: z.number().nullish(), protocol: z.string().nullish() }))
    .nullish(),
  endpoints: z
    .array(
      z.looseObject({
        addresses: z.array(z.string()),
        conditions: z
          .looseObject({
            ready: z.boolean().nullish(),
            serving: z.boolean().nullish(),
            terminating: z.boolean().nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
});
export type EndpointSlice = z.infer<typeof EndpointSlice>;

export const Namespace = z.looseObject({ metadata: ObjectMeta });
export type Namespace = z.infer<typeof Namespace>;

/** Everything one reconcile pass or one proxied request looks at, read from the informer caches. */
export interface Snapshot {
  classes: GatewayClass[];
  gateways: Gateway[];
  routes: HTTPRoute[];
  grants: ReferenceGrant[];
  services: Service[];
  slices: EndpointSlice[];
  namespaces: Namespace[];
}
