// The emulated Envoy fleet: one set of loopback HTTP servers per Gateway.
//
// Addressing: each Gateway gets its own loopback IP 127.0.1.N (N from a counter; Linux routes all
// of 127/8 to lo, so no interface setup is needed) and each HTTP listener is served on its real
// port there (80 needs root or CAP_NET_BIND_SERVICE). That IP is what the proxy Service's
// status.loadBalancer.ingress and so the Gateway's status.addresses show, exactly like a cloud
// load balancer. An IP:port already taken (say, a second sandbox's emulator) moves on to the next
// N. If binding there is not permitted at all, the fallback is 127.0.0.1 with a free port; either
// way the Service annotation sandbox.kube-bind.io/data-plane-url records the URL to call.
import { createServer, type Server } from "node:http";
import { programmedPorts } from "./listeners";
import { handleRequest } from "./proxy";
import type { Gateway, Snapshot } from "./types";

export interface GatewayProxy {
  address: string;
  /** listener port → the port actually bound (equal unless in fallback mode) */
  ports: Map<number, number>;
  /** http://address:port of the lowest listener port, or undefined without HTTP listeners */
  url?: string;
  fallback: boolean;
}

interface Entry extends GatewayProxy {
  servers: Map<number, Server>;
}

export interface DataPlaneDeps {
  snapshot(): Snapshot;
  gateway(key: string): Gateway | undefined;
  log(line: string): void;
}

const MAX_N = 254 * 254;
const addressFor = (n: number) => `127.0.${1 + Math.floor((n - 1) / 254)}.${((n - 1) % 254) + 1}`;
const isLoopbackV4 = (ip: string | undefined): ip is string => !!ip && /^127\.\d+\.\d+\.\d+$/.test(ip);
export const gatewayKey = (gw: Gateway) => `${gw.metadata.namespace}/${gw.metadata.name}`;

export class DataPlane {
  private entries = new Map<string, Entry>();
  private nextN = 1;
  private fallbackOnly = false;

  constructor(private readonly deps: DataPlaneDeps) {}

  get(key: string): GatewayProxy | undefined {
    return this.entries.get(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Serves every HTTP listener port of `gw`. `preferred` is the address recorded for it earlier,
   * `avoid` the addresses recorded for other Gateways (kept free for them after a restart).
   */
  async ensure(gw: Gateway, preferred?: string, avoid: ReadonlySet<string> = new Set()): Promise<GatewayProxy> {
    const key = gatewayKey(gw);
    const ports = programmedPorts(gw);
    const current = this.entries.get(key);
    if (current) {
      if ((await this.reconcilePorts(key, current, ports)) === "ok") return current;
      await this.remove(key);
    }
    const entry = await this.allocate(key, ports, preferred, avoid);
    this.entries.set(key, entry);
    this.deps.log(`data plane for ${key} on ${entry.url ?? entry.address}${entry.fallback ? " (fallback)" : ""}`);
    return entry;
  }

  async remove(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    await Promise.all([...entry.servers.values()].map(closeServer));
    this.deps.log(`data plane for ${key} stopped`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.keys().map((k) => this.remove(k)));
  }

  private inUse(address: string): boolean {
    return [...this.entries.values()].some((e) => !e.fallback && e.address === address);
  }

  private async allocate(key: string, ports: number[], preferred: string | undefined, avoid: ReadonlySet<string>) {
    const attempt = async (address: string): Promise<Entry | undefined> => {
      const entry: Entry = { address, ports: new Map(), servers: new Map(), fallback: false };
      const result = await this.reconcilePorts(key, entry, ports);
      if (result === "ok") return entry;
      await Promise.all([...entry.servers.values()].map(closeServer));
      if (result === "forbidden") this.fallbackOnly = true;
      return undefined;
    };
    // Keep the address a previous run recorded, so a restarted emulator does not move Gateways.
    if (isLoopbackV4(preferred) && preferred !== "127.0.0.1" && !this.inUse(preferred) && !this.fallbackOnly) {
      const entry = await attempt(preferred);
      if (entry) return entry;
    }
    for (let tries = 0; tries < 64 && !this.fallbackOnly && this.nextN <= MAX_N; tries++) {
      const address = addressFor(this.nextN++);
      if (this.inUse(address) || avoid.has(address)) continue;
      const entry = await attempt(address);
      if (entry) return entry;
    }
    const entry: Entry = { address: "127.0.0.1", ports: new Map(), servers: new Map(), fallback: true };
    if ((await this.reconcilePorts(key, entry, ports)) !== "ok") throw new Error(`cannot listen for ${key}`);
    return entry;
  }

  /** Opens missing listener ports and closes removed ones on the entry's address. */
  private async reconcilePorts(key: string, entry: Entry, ports: number[]): Promise<"ok" | "taken" | "forbidden"> {
    for (const [port, server] of entry.servers) {
      if (ports.includes(port)) continue;
      entry.servers.delete(port);
      entry.ports.delete(port);
      await closeServer(server);
    }
    for (const port of ports) {
      if (entry.servers.has(port)) continue;
      const server = createServer((req, res) =>
        handleRequest(
          { gateway: () => this.deps.gateway(key), snapshot: () => this.deps.snapshot(), port, log: this.deps.log },
          req,
          res,
        ),
      );
      try {
        const bound = await listen(server, entry.fallback ? 0 : port, entry.address);
        entry.servers.set(port, server);
        entry.ports.set(port, bound);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE") return "taken";
        if (code === "EACCES" || code === "EPERM" || code === "EADDRNOTAVAIL") return "forbidden";
        throw err;
      }
    }
    const first = ports[0];
    entry.url = first === undefined ? undefined : `http://${entry.address}:${entry.ports.get(first)}`;
    return "ok";
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const addr = server.address();
      resolve(typeof addr === "object" && addr ? addr.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
