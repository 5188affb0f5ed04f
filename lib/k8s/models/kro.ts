// kro's ResourceGraphDefinition and the instances it serves, the LoadBalancer among them.
import { z } from "zod";
import { Conditions, kind, part } from "./meta";

export const Rgd = kind({
  spec: part({
    schema: part({ kind: z.string().optional(), group: z.string().optional(), apiVersion: z.string().optional() }),
    resources: z
      .array(z.looseObject({ id: z.string().optional(), template: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
  }),
  status: part({ state: z.string().optional(), conditions: Conditions }),
});
export type Rgd = z.infer<typeof Rgd>;

/** Any instance of an RGD's kind: kro writes status.state and Ready. */
export const Instance = kind({
  kind: z.string().optional(),
  status: part({ state: z.string().optional(), conditions: Conditions }),
});
export type Instance = z.infer<typeof Instance>;

/** What the user asks of a LoadBalancer. */
export const LoadBalancerSpec = z
  .looseObject({
    domain: z.string(),
    configMapRef: z.string(),
    targetService: z.string(),
    targetServiceNamespace: z.string(),
    targetPort: z.number(),
  })
  .partial();

/** The LoadBalancer instance: what the user asked for and what kro reports back. */
export const LoadBalancer = kind({
  spec: LoadBalancerSpec.optional(),
  status: part({ state: z.string().optional(), address: z.string().optional(), conditions: Conditions }),
});
export type LoadBalancer = z.infer<typeof LoadBalancer>;
