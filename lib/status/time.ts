// Time helpers of the status model: parsing, "how long ago", kubectl-style ages.

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

/** kubectl's AGE format: 45s, 3m, 2h, 5d (with one extra unit while short, e.g. 3m20s, 2h5m). */
export function formatAge(millis: number): string {
  const s = Math.max(0, Math.floor(millis / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
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
