// (d) First-load JS of the dashboard: every <script src> the signed-in HTML of GET / loads
// (modern browsers skip nomodule polyfills), each gzipped with node:zlib at its default level,
// against the framework's own runtime chunks (React + Next + Turbopack runtime: the build
// manifest's rootMainFiles), which every page of any Next app loads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const FIRST_LOAD_TARGET = 200 * 1024;

export interface BundleResult {
  chunks: { file: string; bytes: number; gzip: number; framework: boolean }[];
  /** everything the dashboard loads first, gzip bytes */
  total: number;
  framework: number;
  /** the portal's own share: total − framework */
  app: number;
  /** total ÷ framework */
  ratio: number;
  pass: boolean;
}

export function measureBundle(html: string, nextDir: string): BundleResult {
  const manifest = JSON.parse(readFileSync(join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const framework = new Set(manifest.rootMainFiles);
  const files = new Set<string>();
  for (const [, attrs] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (!src || /\bnomodule\b/i.test(attrs)) continue;
    const path = new URL(src.replaceAll("&amp;", "&"), "http://x").pathname;
    if (path.startsWith("/_next/")) files.add(path.slice("/_next/".length));
  }
  if (files.size === 0) throw new Error("GET / loads no /_next/ scripts: not the dashboard?");
  const chunks = [...files].map((file) => {
    const body = readFileSync(join(nextDir, file));
    return { file, bytes: body.length, gzip: gzipSync(body).length, framework: framework.has(file) };
  });
  const total = chunks.reduce((n, c) => n + c.gzip, 0);
  // The baseline counts every runtime chunk, loaded by the page or not, so it is the same for every page.
  const base = manifest.rootMainFiles.reduce((n, f) => n + gzipSync(readFileSync(join(nextDir, f))).length, 0);
  return { chunks, total, framework: base, app: total - base, ratio: total / base, pass: total <= FIRST_LOAD_TARGET };
}
