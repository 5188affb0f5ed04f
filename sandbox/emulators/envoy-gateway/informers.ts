// List+watch caches (lib/k8s informers) for everything the emulator reacts to, and a validated
// Snapshot view of them. Informers retry on their own until stop().

import type { z } from "zod";
import { APIS } from "../../../lib/k8s/apis";
import type { ClusterConnection } from "../../../lib/k8s/connection";
import { KubeError } from "../../../lib/k8s/errors";
import { Informer } from "../../../lib/k8s/informer";
import {
  EndpointSlice,
  Gateway,
  GatewayClass,
  HTTPRoute,
  Namespace,
  ReferenceGrant,
  Service,
  type Snapshot,
} from "./types";

const GW = "gateway.networking.k8s.io";

/** Where each Snapshot list comes from, its kind and its schema (also the fixture loader's table). */
export const SOURCES: Record<
  keyof Snapshot,
  { kind: string; group: string; version: string; resource: string; schema: z.ZodType }
> = {
  classes: { kind: "GatewayClass", group: GW, version: "v1", resource: "gatewayclasses", schema: GatewayClass },
  gateways: { kind: "Gateway", group: GW, version: "v1", resource: "gateways", schema: Gateway },
  routes: { kind: "HTTPRoute", group: GW, version: "v1", resource: "httproutes", schema: HTTPRoute },
  // Envoy Gateway reads ReferenceGrants as v1beta1.
  grants: {
    kind: "ReferenceGrant",
    group: GW,
    version: "v1beta1",
    resource: "referencegrants",
    schema: ReferenceGrant,
  },
  services: { kind: "Service", ...APIS.services, schema: Service },
  slices: {
    kind: "EndpointSlice",
    ...APIS.endpointSlices,
    schema: EndpointSlice,
  },
  namespaces: { kind: "Namespace", ...APIS.namespaces, schema: Namespace },
};

export const SNAPSHOT_KEYS = Object.keys(SOURCES) as (keyof Snapshot)[];

export class Caches {
  private readonly informers = new Map<keyof Snapshot, Informer>();
  private readonly reported = new Set<string>();
  private cached: Snapshot | undefined;

  constructor(
    conn: ClusterConnection,
    onChange: () => void,
    private readonly log: (line: string) => void,
  ) {
    for (const kind of SNAPSHOT_KEYS) {
      const { group, version, resource } = SOURCES[kind];
      const informer = new Informer(conn, { group, version, resource }).on(() => {
        this.cached = undefined;
        onChange();
      });
      this.informers.set(kind, informer);
    }
  }

  /** Lists everything once and starts the watches. */
  async start(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.start()));
  }

  stop(): void {
    for (const informer of this.informers.values()) informer.stop();
  }

  /** Validated copy of the caches; rebuilt only after a change. Invalid objects are skipped. */
  snapshot(): Snapshot {
    if (this.cached) return this.cached;
    const out = {} as Record<keyof Snapshot, unknown[]>;
    for (const [kind, informer] of this.informers) {
      out[kind] = informer.list().flatMap((obj) => {
        const parsed = SOURCES[kind].schema.safeParse(obj);
        if (parsed.success) return [parsed.data];
        const id = `${kind}/${obj.metadata.namespace}/${obj.metadata.name}@${obj.metadata.resourceVersion}`;
        if (!this.reported.has(id)) {
          this.reported.add(id);
          this.log(`ignoring invalid ${id}: ${parsed.error.message}`);
        }
        return [];
      });
    }
    this.cached = out as unknown as Snapshot;
    return this.cached;
  }
}

/** One line for a log: the API server's reason and message, never headers or bodies. */
export function describeError(err: unknown): string {
  if (err instanceof KubeError) return `${err.status} ${err.reason}: ${err.message}`;
  return err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err);
}
