// Which browser origins may submit forms and server actions to the portal. Pure: proxy.ts and
// the start-up check share it.

/**
 * PORTAL_URL's origin plus the comma-separated PORTAL_ALLOWED_ORIGINS. Never derived from the
 * request's Host or X-Forwarded-Host: a client sets those as it likes.
 */
export function allowedOrigins(portalUrl: string | undefined, extra: string | undefined): Set<string> {
  const origins = new Set<string>();
  for (const raw of [portalUrl ?? "", ...(extra ?? "").split(",")]) {
    const origin = originOf(raw.trim());
    if (origin) origins.add(origin);
  }
  return origins;
}

/** The serialized origin of an http(s) URL, or null. */
export function originOf(raw: string): string | null {
  if (!raw || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  return /^https?:$/.test(url.protocol) ? url.origin : null;
}

export type OriginCheck = { ok: true; origin: string } | { ok: false; reason: string };

/** A state-changing browser request must name an allowed Origin. */
export function checkOrigin(header: string | null, allowed: Set<string>): OriginCheck {
  if (!header) return { ok: false, reason: "the request has no Origin header" };
  const origin = header === "null" ? null : originOf(header);
  if (!origin || !allowed.has(origin) || origin !== header) {
    return { ok: false, reason: `the Origin ${JSON.stringify(header.slice(0, 200))} is not allowed` };
  }
  return { ok: true, origin };
}
