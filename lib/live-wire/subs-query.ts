// The validated `sub` query parameters of GET /api/live. Apart from the wire contract in
// live-protocol.ts, which the browser loads: this is the one part that needs zod, and only the
// route (and the list page's server render) needs it.
import { z } from "zod";
import {
  type BucketFilter,
  decodeCursor,
  defaultListRequest,
  FIRST_DIR,
  isBucket,
  LIST_SORTS,
  type ListRequest,
  MAX_QUERY,
  PAGE_SIZE,
} from "./list-page";
import { type LiveSub, MAX_SUBS, parseSub } from "./live-protocol";

const cursor = (field: string) =>
  z.string().transform((s, ctx) => {
    const decoded = decodeCursor(s);
    if (decoded) return decoded;
    ctx.addIssue(`${field} must be a cursor the list gave (its next or prev)`);
    return z.NEVER;
  });

/** The fields of a list page request, each refused with its name and rule. */
const ListFields = z
  .strictObject(
    {
      sort: z.enum(LIST_SORTS, { error: `sort must be one of ${LIST_SORTS.join(", ")}` }).optional(),
      dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).optional(),
      stage: z
        .string()
        .refine((s) => s === "all" || isBucket(s), "stage must be all or a stage id (e.g. failed, ready)")
        .transform((s) => s as BucketFilter)
        .optional(),
      q: z.string().max(MAX_QUERY, `q must be at most ${MAX_QUERY} characters`).optional(),
      limit: z
        .string()
        .regex(/^[1-9][0-9]{0,2}$/, `limit must be a whole number from 1 to ${PAGE_SIZE}`)
        .transform(Number)
        .refine((n) => n <= PAGE_SIZE, `limit must be a whole number from 1 to ${PAGE_SIZE}`)
        .optional(),
      after: cursor("after").optional(),
      before: cursor("before").optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : undefined) },
  )
  .refine((f) => !(f.after && f.before), "after and before exclude each other")
  .transform(
    (f): ListRequest => ({
      ...defaultListRequest,
      ...f,
      dir: f.dir ?? (f.sort ? FIRST_DIR[f.sort] : "asc"),
      q: f.q?.trim() ?? "",
    }),
  );

/** Reads one `lbs?…` query into a request, or says which field breaks which rule. */
export function parseListQuery(query: string): { ok: true; data: ListRequest } | { ok: false; problems: string[] } {
  const params = new URLSearchParams(query);
  const repeated = [...new Set([...params.keys()].filter((k) => params.getAll(k).length > 1))];
  if (repeated.length) return { ok: false, problems: repeated.map((k) => `${k} is given more than once`) };
  const parsed = ListFields.safeParse(Object.fromEntries(params));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, problems: parsed.error.issues.map((i) => i.message) };
}

/**
 * The list's request from a page URL (?sort=&dir=&stage=&q=&after=|before=): what a link or a
 * reload asks for. A field that breaks its rule is left at its default, so an old link still opens.
 */
export function listRequestFromUrl(params: Record<string, string | string[] | undefined>): ListRequest {
  const fields = Object.entries(params).flatMap(([k, v]) =>
    typeof v === "string" && ListFields.safeParse({ [k]: v }).success ? [[k, v]] : [],
  );
  // Both cursors: the page after wins.
  const kept = fields.some(([k]) => k === "after") ? fields.filter(([k]) => k !== "before") : fields;
  const parsed = parseListQuery(new URLSearchParams(kept).toString());
  return parsed.ok ? parsed.data : defaultListRequest;
}

const Sub = z.string().superRefine((s, ctx) => {
  const parsed = parseSub(s);
  if (!parsed) return void ctx.addIssue("unknown subscription");
  if (parsed.kind !== "list") return;
  const list = parseListQuery(parsed.query);
  if (!list.ok) for (const problem of list.problems) ctx.addIssue(`lbs: ${problem}`);
});

/** The `sub` query parameters: at least one, valid, de-duplicated, in request order. */
export const SubsQuery = z
  .array(Sub)
  .min(1, "name at least one sub")
  .transform((subs) => [...new Set(subs)] as LiveSub[])
  .refine((subs) => subs.length <= MAX_SUBS, `at most ${MAX_SUBS} subs`);
