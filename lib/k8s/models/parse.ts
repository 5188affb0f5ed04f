// Parsing cluster objects against the models. Live views recompute from the same stream objects on
// every change (a dashboard of 2,000 LoadBalancers spent most of its time validating objects it had
// validated before); those objects are replaced, never changed in place, so each is validated once
// per schema.
import type { z } from "zod";

const validated = new WeakMap<object, Map<z.ZodType, z.ZodSafeParseResult<unknown>>>();

function parseOnce<S extends z.ZodType>(schema: S, raw: object): z.ZodSafeParseResult<z.infer<S>> {
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
export function parseRequired<S extends z.ZodType>(schema: S, raw: object): z.infer<S> {
  const parsed = parseOnce(schema, raw);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/** Parses an optional object; a malformed one counts as absent. */
export function parseOptional<S extends z.ZodType>(schema: S, raw: object | null | undefined): z.infer<S> | undefined {
  if (!raw) return undefined;
  const parsed = parseOnce(schema, raw);
  return parsed.success ? parsed.data : undefined;
}

/** The objects that fit `schema`; a malformed one is left out. */
export function parseAll<S extends z.ZodType>(schema: S, raws: readonly object[]): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  for (const raw of raws) {
    const one = parseOptional(schema, raw);
    if (one) out.push(one);
  }
  return out;
}
