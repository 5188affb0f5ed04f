// The validated `sub` query parameters of GET /api/live. Apart from the wire contract in
// live-protocol.ts, which the browser loads: this is the one part that needs zod, and only the
// route needs it.
import { z } from "zod";
import { type LiveSub, MAX_SUBS, parseSub } from "./live-protocol";

const Sub = z.string().refine((s) => parseSub(s) !== undefined, "unknown subscription");

/** The `sub` query parameters: at least one, valid, de-duplicated, in request order. */
export const SubsQuery = z
  .array(Sub)
  .min(1, "name at least one sub")
  .transform((subs) => [...new Set(subs)] as LiveSub[])
  .refine((subs) => subs.length <= MAX_SUBS, `at most ${MAX_SUBS} subs`);
