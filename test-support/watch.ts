// Test helpers for the watch hub: a real loopback TCP proxy that can be stopped and started again
// (an apiserver outage without touching the real apiserver), and etcd compaction (forces 410).
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import type { ClusterConnection } from "../lib/k8s/connection";

export interface TcpProxy {
  /** https://127.0.0.1:<port>, to use as a ClusterConnection's server */
  readonly url: string;
  /** connections accepted so far */
  readonly accepted: number;
  /** closes the listener and cuts every open connection, as a dying apiserver would */
  stop(): Promise<void>;
  /** listens again on the same port */
  start(): Promise<void>;
}

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | undefined;
  let listenPort = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        accepted++;
        const upstream = tcpConnect(Number(port), hostname);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on("close", () => sockets.delete(sock));
          sock.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      s.once("error", reject);
      s.listen(listenPort, "127.0.0.1", () => {
        listenPort = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });

  await listen();
  return {
    get url() {
      return `https://127.0.0.1:${listenPort}`;
    },
    get accepted() {
      return accepted;
    },
    async stop() {
      const s = server;
      server = undefined;
      for (const sock of sockets) sock.destroy();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: listen,
  };
}

/** The same credentials and dispatcher, but requests go to `server` (e.g. a TcpProxy). */
export function connectionVia(conn: ClusterConnection, server: string): ClusterConnection {
  const via = Object.create(conn) as ClusterConnection;
  Object.defineProperty(via, "server", { value: server });
  return via;
}

/**
 * Compacts etcd up to its current revision, as the apiserver does every few minutes: a watch
 * that resumes from an older resourceVersion of a resource served without the watch cache (Events)
 * then gets 410 Gone.
 */
export async function compactEtcd(etcdUrl: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(new URL(path, etcdUrl), { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`etcd ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as { header: { revision: string } };
  };
  const { header } = await post("/v3/kv/range", { key: Buffer.from("\0").toString("base64") });
  await post("/v3/kv/compaction", { revision: header.revision, physical: true });
  return header.revision;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after timeoutMs. */
export async function eventually<T>(what: string, check: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
