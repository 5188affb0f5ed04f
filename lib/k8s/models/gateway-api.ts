// Gateway API kinds, as Envoy Gateway and kro leave them.
import { z } from "zod";
import { Conditions, Meta } from "./meta";

export const GatewayClass = z
  .object({
    metadata: Meta,
    spec: z.object({ controllerName: z.string().optional() }).loose().optional(),
    status: z.object({ conditions: Conditions }).loose().optional(),
  })
  .loose();
export type GatewayClass = z.infer<typeof GatewayClass>;

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

export const ReferenceGrant = z.object({ metadata: Meta }).loose();
export type ReferenceGrant = z.infer<typeof ReferenceGrant>;
