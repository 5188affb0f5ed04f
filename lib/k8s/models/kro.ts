// kro's ResourceGraphDefinition and the instances it serves, the LoadBalancer among them.
import { z } from "zod";
import { Conditions, Meta } from "./meta";

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

/** Any instance of an RGD's kind: kro writes status.state and Ready. */
export const Instance = z
  .object({
    kind: z.string().optional(),
    metadata: Meta,
    status: z.object({ state: z.string().optional(), conditions: Conditions }).loose().optional(),
  })
  .loose();
export type Instance = z.infer<typeof Instance>;

/** What the user asks of a LoadBalancer. */
export const LoadBalancerSpec = z
  .object({
    domain: z.string(),
    configMapRef: z.string(),
    targetService: z.string(),
    targetServiceNamespace: z.string(),
    targetPort: z.number(),
  })
  .partial()
  .loose();

/** The LoadBalancer instance: what the user asked for and what kro reports back. */
export const LoadBalancer = z
  .object({
    metadata: Meta,
    spec: LoadBalancerSpec.optional(),
    status: z.object({ state: z.string(), address: z.string(), conditions: Conditions }).partial().loose().optional(),
  })
  .loose();
export type LoadBalancer = z.infer<typeof LoadBalancer>;
