// Stand-in for Gateway API's echo-basic image (the guide's `backend` Deployment): answers every
// request with a JSON description of it, so tests can see what the gateway forwarded.
import { randomInt } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

const Options = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().default("127.0.0.1"),
});
export type EchoOptions = z.input<typeof Options>;

export interface EchoHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EchoResponse {
  path: string;
  host: string;
  method: string;
  proto: string;
  headers: Record<string, string[]>;
  namespace: string;
  ingress: string;
  service: string;
  pod: string;
}

/** Go's textproto.CanonicalMIMEHeaderKey: "x-custom-message" → "X-Custom-Message". */
export function canonicalHeaderName(name: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) return name;
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Like Go's http.Request.Header: every header line except Host, repeated names collected in order. */
export function echoHeaders(req: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = canonicalHeaderName(req.rawHeaders[i]);
    if (name === "Host") continue;
    out[name] = [...(out[name] ?? []), req.rawHeaders[i + 1]];
  }
  return out;
}

// A Deployment pod name: backend-<replicaset hash>-<5 chars>, fixed for the life of the server.
const ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
const pick = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

export async function startEcho(options: EchoOptions = {}): Promise<EchoHandle> {
  const o = Options.parse(options);
  const pod = `backend-${pick(9)}-${pick(5)}`;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const body: EchoResponse = {
        path: req.url ?? "/",
        host: req.headers.host ?? "",
        method: req.method ?? "GET",
        proto: `HTTP/${req.httpVersion}`,
        headers: echoHeaders(req),
        namespace: "default",
        ingress: "",
        service: "",
        pod,
      };
      const json = JSON.stringify(body, null, 1);
      res.writeHead(200, {
        "content-type": "application/json",
        "x-content-type-options": "nosniff",
        "content-length": Buffer.byteLength(json),
      });
      res.end(json);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
