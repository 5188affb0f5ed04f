// The parts every model shares. Lenient on purpose: unknown fields pass, so a newer or foreign
// writer's extra fields never hide an object.
import { z } from "zod";
import { Condition } from "../condition";

export const Strings = z.record(z.string(), z.string()).optional();
export const Conditions = z.array(Condition).optional();

export const Meta = z
  .object({
    name: z.string(),
    namespace: z.string().optional(),
    uid: z.string().optional(),
    generation: z.number().optional(),
    resourceVersion: z.string().optional(),
    creationTimestamp: z.string().optional(),
    deletionTimestamp: z.string().optional(),
    labels: Strings,
    annotations: Strings,
    ownerReferences: z.array(z.object({ kind: z.string(), name: z.string(), uid: z.string() }).loose()).optional(),
  })
  .loose();
export type Meta = z.infer<typeof Meta>;

/** The metadata of a namespaced object, where a reader needs the namespace. */
export const NamespacedMeta = Meta.extend({ namespace: z.string() });

/** A kind as the portal reads it: its metadata and the parts it needs (`shape` may widen metadata). */
export const kind = <S extends z.ZodRawShape>(shape: S) => z.looseObject({ metadata: Meta, ...shape });

/** An optional part of an object (a spec, a status, a block in them). */
export const part = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape).optional();
