// Requests the framework would answer with a 500 because they cannot be decoded: a path with
// malformed percent-encoding, and server-action calls whose body is not what React sends (or is
// too large). Refused here with a 4xx and a plain message, before any route, page or action runs
// (the Origin of forms and actions is checked before, by lib/auth/origin.ts). Pure apart from
// reading the body of action calls.

/** Server-action bodies up to this size reach the action (next.config.ts bodySizeLimit). */
export const ACTION_BODY_LIMIT = 2 * 1024 * 1024;

export interface Refusal {
  status: number;
  message: string;
}

/** A path whose percent-encoding does not decode, or null. */
export function malformedPath(pathname: string): Refusal | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return { status: 400, message: "The address contains malformed percent-encoding" };
  }
}

/** The checks of a server-action call (`next-action` header) that need no body. */
export function actionHeadersProblem(headers: Headers): Refusal | null {
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) return { status: 411, message: "The form's request has no length" };
  if (Number(length) > ACTION_BODY_LIMIT) {
    return {
      status: 413,
      message: `The form's data is larger than ${ACTION_BODY_LIMIT / 1024 / 1024} MiB, the most the portal accepts`,
    };
  }
  const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "text/plain" && type !== "multipart/form-data")
    return { status: 415, message: "The form's data has a content type the portal does not read" };
  return null;
}

const MALFORMED: Refusal = { status: 400, message: "The form's data is malformed; reload the page and send it again" };

/** React sends an action's arguments as a JSON array, inline or as the multipart field "0". */
export async function actionBodyProblem(req: Request): Promise<Refusal | null> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  let args: string;
  if (type.startsWith("multipart/form-data")) {
    try {
      const field = (await req.formData()).get("0");
      if (typeof field !== "string") return MALFORMED;
      args = field;
    } catch {
      return MALFORMED;
    }
  } else args = await req.text();
  try {
    return Array.isArray(JSON.parse(args)) ? null : MALFORMED;
  } catch {
    return MALFORMED;
  }
}
