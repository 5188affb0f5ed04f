// Gateway API kinds, as Envoy Gateway and kro leave them.
import { z } from "zod";
import { Conditions, kind, part } from "./meta";

export const GatewayClass = kind({
  spec: part({ controllerName: z.string().optional() }),
  status: part({ conditions: Conditions }),
});
export type GatewayClass = z.infer<typeof GatewayClass>;

export const Gateway = kind({
  status: part({
    addresses: z.array(z.looseObject({ type: z.string().optional(), value: z.string() })).optional(),
    conditions: Conditions,
    listeners: z
      .array(z.looseObject({ name: z.string(), attachedRoutes: z.number().optional(), conditions: Conditions }))
      .optional(),
  }),
});
export type Gateway = z.infer<typeof Gateway>;

const BackendRef = z.looseObject({ name: z.string(), namespace: z.string().optional(), port: z.number().optional() });

export const HTTPRoute = kind({
  spec: part({ rules: z.array(z.looseObject({ backendRefs: z.array(BackendRef).optional() })).optional() }),
  status: part({
    parents: z.array(z.looseObject({ controllerName: z.string().optional(), conditions: Conditions })).optional(),
  }),
});
export type HTTPRoute = z.infer<typeof HTTPRoute>;

export const ReferenceGrant = kind({});
export type ReferenceGrant = z.infer<typeof ReferenceGrant>;
