// Where a user may be sent after signing in. Pure, so it is tested table-driven without a server.

/**
 * Resolves `value` against the portal's own URL with the WHATWG URL parser (the parser browsers
 * use, so tabs, backslashes and encoded tricks are read as a browser would read them) and
 * accepts it only when the result stays on the portal's origin. Returns a path (with query and
 * fragment) in the parser's serialized, percent-encoded form, which is always safe in a
 * Location header; anything else gives `fallback`.
 */
export function safeReturnPath(value: string | string[] | undefined, origin: string, fallback = "/"): string {
  const resolved = sameOriginUrl(Array.isArray(value) ? value[0] : value, origin);
  if (!resolved) return fallback;
  // A path that begins with "//" would be read as protocol-relative (another host) when used
  // as a relative Location, so repeated leading slashes collapse to one.
  return `/${resolved.pathname.replace(/^\/+/, "")}${resolved.search}${resolved.hash}`;
}

/** For next-auth's redirect callback: an absolute URL on the portal's origin, else `origin`. */
export function safeRedirectUrl(value: string, origin: string): string {
  const base = new URL(origin);
  return new URL(safeReturnPath(value, base.origin), base.origin).toString();
}

function sameOriginUrl(value: string | undefined, origin: string): URL | null {
  if (typeof value !== "string" || value === "" || value.length > 2048) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  return url.origin === base.origin ? url : null;
}
