// The profile mode's heap snapshots (BENCH_PROF): the portal runs with --heapsnapshot-signal, the
// bench signals it with and without idle viewers open, and summarizes what the difference is made
// of: self sizes added up by constructor (closures by function name), per viewer.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Portal } from "./portal";
import { until } from "./stats";

export interface HeapShare {
  /** constructor name, `closure <function>`, or `(kind)` for strings, code and V8's internals */
  name: string;
  /** self bytes added per viewer */
  bytes: number;
  /** objects added per viewer */
  count: number;
}

export interface HeapResult {
  viewers: number;
  files: [string, string];
  /** total self size added per viewer, bytes */
  perViewer: number;
  top: HeapShare[];
}

/** Signals the portal and waits for its snapshot: the file exists and the portal answers again. */
export async function takeSnapshot(portal: Portal, dir: string): Promise<string> {
  const before = new Set(snapshots(dir));
  process.kill(portal.pid, "SIGUSR2");
  // V8 writes the snapshot on the portal's main thread: once it answers a request, the file is whole.
  const file = await until(async () => {
    const fresh = snapshots(dir).find((f) => !before.has(f));
    return fresh && (await fetch(`${portal.url}/api/healthz`)).ok ? fresh : undefined;
  }, 300_000);
  if (!file) throw new Error(`no heap snapshot in ${dir} within 300 s`);
  return join(dir, file);
}

const snapshots = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".heapsnapshot"));

type Totals = Map<string, { bytes: number; count: number }>;

/** Self size and count per constructor; reads the file in pieces (it can exceed V8's string limit). */
export function aggregate(file: string): Totals {
  const text = new SectionReader(file);
  const meta = JSON.parse(text.between('"meta":', ',"node_count"')) as {
    node_fields: string[];
    node_types: [string[]];
  };
  const strings = JSON.parse(`[${text.between('"strings":[', "]}", true)}]`) as string[];
  const width = meta.node_fields.length;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => meta.node_fields.indexOf(f));
  const types = meta.node_types[0];
  const totals: Totals = new Map();
  let field = 0;
  let node: number[] = [];
  text.numbers('"nodes":[', (n) => {
    node[field++] = n;
    if (field < width) return;
    field = 0;
    const type = types[node[typeAt]];
    const name = strings[node[nameAt]];
    const key =
      type === "object"
        ? name
        : type === "closure"
          ? `closure ${name || "(anonymous)"}`
          : `(${type.replace(/ /g, "-")})`;
    const t = totals.get(key) ?? { bytes: 0, count: 0 };
    t.bytes += node[sizeAt];
    t.count++;
    totals.set(key, t);
    node = [];
  });
  return totals;
}

/** The difference of two snapshots per viewer, largest shares first. */
export function perViewer(idle: Totals, loaded: Totals, viewers: number, files: [string, string]): HeapResult {
  const shares: HeapShare[] = [];
  for (const [name, t] of loaded) {
    const base = idle.get(name) ?? { bytes: 0, count: 0 };
    shares.push({ name, bytes: (t.bytes - base.bytes) / viewers, count: (t.count - base.count) / viewers });
  }
  shares.sort((a, b) => b.bytes - a.bytes);
  const total = shares.reduce((n, s) => n + s.bytes, 0);
  return { viewers, files, perViewer: total, top: shares.slice(0, 10) };
}

/** Reads parts of a large file as text without holding all of it as one string. */
class SectionReader {
  private readonly fd: number;
  private readonly size: number;

  constructor(file: string) {
    this.size = statSync(file).size;
    this.fd = openSync(file, "r");
  }

  /** where `marker` starts, searching from `from` */
  private find(marker: string, from = 0): number {
    const chunk = Buffer.alloc(1 << 20);
    const needle = Buffer.from(marker);
    for (let pos = from; pos < this.size; pos += chunk.length - needle.length) {
      const n = readSync(this.fd, chunk, 0, chunk.length, pos);
      const i = chunk.subarray(0, n).indexOf(needle);
      if (i >= 0) return pos + i;
    }
    throw new Error(`heap snapshot: no ${marker}`);
  }

  /** the text between the first `start` and the next `end` (the last `end` when `fromEnd`) */
  between(start: string, end: string, fromEnd = false): string {
    const from = this.find(start) + start.length;
    const to = fromEnd ? this.lastIndexOf(end) : this.find(end, from);
    const buf = Buffer.alloc(to - from);
    readSync(this.fd, buf, 0, buf.length, from);
    return buf.toString("utf8");
  }

  private lastIndexOf(marker: string): number {
    const tail = Buffer.alloc(Math.min(this.size, 4096));
    readSync(this.fd, tail, 0, tail.length, this.size - tail.length);
    const i = tail.lastIndexOf(Buffer.from(marker));
    if (i < 0) throw new Error(`heap snapshot: no ${marker} at the end`);
    return this.size - tail.length + i;
  }

  /** calls `each` with every number of the array that starts after `start`, up to its `]` */
  numbers(start: string, each: (n: number) => void): void {
    const chunk = Buffer.alloc(1 << 20);
    let pos = this.find(start) + start.length;
    let n = 0;
    let inNumber = false;
    for (;;) {
      const read = readSync(this.fd, chunk, 0, chunk.length, pos);
      if (read === 0) throw new Error("heap snapshot: the nodes array does not end");
      for (let i = 0; i < read; i++) {
        const c = chunk[i];
        if (c >= 48 && c <= 57) {
          n = n * 10 + (c - 48);
          inNumber = true;
          continue;
        }
        if (inNumber) each(n);
        n = 0;
        inNumber = false;
        if (c === 93) {
          closeSync(this.fd);
          return;
        }
      }
      pos += read;
    }
  }
}
