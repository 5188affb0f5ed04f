// Time helpers of the status model: parsing, "how long ago" in one format.

/** Epoch ms of an ISO time; undefined for absent, invalid or the CRD-default 1970 placeholder. */
export function ms(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) || t <= 0 ? undefined : t;
}

/** The latest of several ISO times (ignoring unknown ones). */
export function latest(...times: (string | undefined)[]): string | undefined {
  let best: { iso: string; at: number } | undefined;
  for (const iso of times) {
    const at = ms(iso);
    if (iso && at !== undefined && (!best || at > best.at)) best = { iso, at };
  }
  return best?.iso;
}

/** The first known time. */
export function firstKnown(...times: (string | undefined)[]): string | undefined {
  return times.find((t) => ms(t) !== undefined);
}

/**
 * The portal's one duration format: a single unit, rounded down (45s, 3m, 2h, 5d), so two times on
 * a page never read differently ("119s" beside "2m").
 */
export function formatAge(millis: number): string {
  const s = Math.max(0, Math.floor(millis / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** The portal's one relative time: "just now" under 5 s, else "3m ago" (formatAge's units). */
export function formatAgo(millis: number): string {
  return millis < 5_000 ? "just now" : `${formatAge(millis)} ago`;
}

/** Go's time.Duration text as kube-bind writes it ("10s", "1m30s", "500ms"); undefined if unreadable. */
export function parseGoDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 1e-6 };
  let total = 0;
  let rest = text.trim();
  if (!rest) return undefined;
  while (rest) {
    const match = /^(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * unit[match[2]];
    rest = rest.slice(match[0].length);
  }
  return total;
}
