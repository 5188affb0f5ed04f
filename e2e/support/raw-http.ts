// Raw HTTP to the portal for the bad-input table: paths are sent byte for byte (fetch would
// normalise `..`, `%2e%2e` and bad percent-encoding away), bodies and headers exactly as given.

import { readFileSync } from "node:fs";
import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  base: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: opts.method ?? "GET",
        path: opts.path,
        headers: {
          ...(opts.body !== undefined ? { "content-length": String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    // The portal may answer (413) before it has read a large body; that is not a failure here.
    req.on("error", (e: NodeJS.ErrnoException) =>
      e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e),
    );
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export interface ServerAction {
  id: string;
  /** the exported function's name, e.g. createLoadBalancerAction */
  name: string;
  /** the page that hosts it, e.g. app/(portal)/loadbalancers/new/page */
  page: string;
}

/** Every server action of the production build, with the page it is served from. */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({
    id,
    name: v.exportedName ?? id,
    page: Object.keys(v.workers)[0],
  }));
}
