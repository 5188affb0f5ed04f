// The scaling phase's tables: one row per size, each figure beside its same-run baseline, and how
// the figure grew from the previous size as an exponent (cost ∝ size^k: 0 flat, 1 linear).
import type { ScalingResult } from "./scaling";
import { kb, ms } from "./stats";

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const x = (v: number) => (Number.isFinite(v) ? `×${v.toFixed(2)}` : "n/a");
const n = (v: number) => v.toLocaleString("en");

/** `k` in figure ∝ size^k between two rows, as "n^k" (blank for the first row). */
function growth(prev: { size: number; value: number } | undefined, size: number, value: number): string {
  if (!prev || !(prev.value > 0) || !(value > 0) || prev.size === size) return "";
  return ` (n^${(Math.log(value / prev.value) / Math.log(size / prev.size)).toFixed(2)})`;
}

/** Rows with a growth note per column: `cells(row, grow)` where grow(column, value) gives it. */
function withGrowth<T>(
  items: T[],
  size: (t: T) => number,
  cells: (t: T, grow: (col: string, v: number) => string) => string[],
) {
  const last = new Map<string, { size: number; value: number }>();
  return items.map((t) =>
    cells(t, (col, v) => {
      const g = growth(last.get(col), size(t), v);
      last.set(col, { size: size(t), value: v });
      return g;
    }),
  );
}

/** A markdown table, columns padded to their widest cell so it reads as a table in plain text. */
export function markdown(head: string[], rows: string[][]): string {
  const all = [head, ...rows].map((r) => r.map((c) => c.replaceAll("|", "\\|")));
  const widths = all[0].map((_, i) => Math.max(3, ...all.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join(" | ")} |`;
  return [line(all[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...all.slice(1).map(line)].join("\n");
}

export function scalingTables(s: ScalingResult): string {
  const parts: string[] = [];
  if (s.sizes.length) {
    const rows = withGrowth(
      s.sizes,
      (z) => z.loadBalancers,
      (z, grow) => {
        const c = z.change;
        const pv = z.provisioned;
        return [
          n(z.loadBalancers),
          `${z.seedSeconds.toFixed(0)} s; then ${pv.complete ? "all" : `${n(pv.copies)} copies / ${n(pv.active)} ACTIVE`} after ${pv.seconds.toFixed(0)} s`,
          `${ms(z.page.p50)}${grow("page", z.page.p50)} (${kb(z.page.bytes)} of HTML) / ${ms(z.list.p50)}${grow("list", z.list.p50)} = ${x(z.page.p50 / z.list.p50)}`,
          `${ms(z.firstView.p50)}${grow("first", z.firstView.p50)} (${kb(z.firstView.bytes)}) = ${x(z.firstView.p50 / z.list.p50)} of LIST`,
          c
            ? `${kb(c.bytes)}${grow("event", c.bytes)} in ${c.events} / ${kb(c.directBytes)} = ${x(c.bytes / c.directBytes)}; ${ms(c.ms)} / ${ms(c.directMs)}`
            : "change not seen within 60 s",
          `${mib(z.rss)}${grow("rss", z.rss - s.rssBefore)}; ${kb((z.rss - s.rssBefore) / z.loadBalancers)} per LB`,
        ];
      },
    );
    parts.push(
      markdown(
        [
          "LoadBalancers",
          "seeding (consumer creates; provider side when measured)",
          "GET / p50 (HTML) / direct LIST of one page (limit=100) p50",
          "list stream opened → first page, p50",
          "one-row change: list stream bytes / direct watch event; delay",
          `portal RSS (${mib(s.rssBefore)} before seeding)`,
        ],
        rows,
      ),
    );
  }
  if (s.viewers.length) {
    const rows = withGrowth(
      s.viewers,
      (v) => v.clients,
      (v, grow) => [
        `${n(v.clients)}${v.failed ? ` (${v.failed} failed)` : ""}`,
        `${kb(v.rss.perClient)} (RSS ${mib(v.rss.oneClient)} → ${mib(v.rss.allClients)})`,
        `${ms(v.delay.p50)} / ${ms(v.delay.p99)}${grow("delay", v.delay.p99)}${v.missed ? `, ${v.missed} missed` : ""}`,
        `${ms(v.directDelay.p50)} / ${ms(v.directDelay.p99)}; p99 ${x(v.delay.p99 / v.directDelay.p99)}`,
        `${ms(v.connect.p50)} / ${ms(v.connect.p99)}${grow("connect", v.connect.p99)}`,
        `${ms(v.directConnect.p50)} / ${ms(v.directConnect.p99)} (${v.directConnect.n}); p99 ${x(v.connect.p99 / v.directConnect.p99)}`,
      ],
    );
    parts.push(
      markdown(
        [
          "SSE viewers",
          "portal RSS per viewer",
          "one write → all viewers, p50 / p99",
          "same write → one direct watch, p50 / p99",
          "connect → first view, p50 / p99",
          "direct watch opened → first event, p50 / p99",
        ],
        rows,
      ),
    );
  }
  if (s.cache.length) {
    parts.push(
      markdown(
        [
          "watch cache, per object",
          "heap (trimmed, as cached)",
          "heap untrimmed",
          "JSON trimmed (floor)",
          "JSON as sent",
        ],
        s.cache.map((c) => [
          `${c.cluster} ${c.resource} (${n(c.objects)})`,
          `${c.heap.toFixed(0)} B = ${x(c.heap / c.json)} of its JSON`,
          `${c.heapUntrimmed.toFixed(0)} B`,
          `${c.json.toFixed(0)} B`,
          `${c.jsonUntrimmed.toFixed(0)} B`,
        ]),
      ),
    );
  }
  if (s.heap) {
    const h = s.heap;
    parts.push(
      `Heap per idle viewer (snapshots at 0 and ${n(h.viewers)} viewers): ${h.perViewer.toFixed(0)} B of self size, largest shares: ${h.top
        .filter((t) => t.bytes > 0)
        .map((t) => `${t.name} ${t.bytes.toFixed(0)} B (${t.count.toFixed(1)})`)
        .join(", ")}.`,
    );
  }
  for (const note of s.notes) parts.push(`Note: ${note}.`);
  return parts.join("\n\n");
}
