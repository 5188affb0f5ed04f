// List+watch caches (client-node informers) for everything the emulator reacts to, and a
// validated Snapshot view of them. Informers stop on errors other than 410/timeouts, so each one
// is restarted after a pause until stop().
import {
  type CoreV1Api,
  type CustomObjectsApi,
  type DiscoveryV1Api,
  type Informer,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  makeInformer,
  type ObjectCache,
} from "@kubernetes/client-node";
import type { z } from "zod";
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

type Lister = () => Promise<KubernetesListObject<KubernetesObject>>;
interface Source {
  path: string;
  list: Lister;
  schema: z.ZodType;
}

const GW = "gateway.networking.k8s.io";
const RESTART_MS = 1000;

export interface Apis {
  core: CoreV1Api;
  custom: CustomObjectsApi;
  discovery: DiscoveryV1Api;
}

function sources({ core, custom, discovery }: Apis): Record<keyof Snapshot, Source> {
  const cr =
    (version: string, plural: string): Lister =>
    () =>
      custom.listClusterCustomObject({ group: GW, version, plural }) as Promise<KubernetesListObject<KubernetesObject>>;
  const lister = (fn: () => Promise<unknown>): Lister => fn as Lister;
  return {
    classes: { path: `/apis/${GW}/v1/gatewayclasses`, list: cr("v1", "gatewayclasses"), schema: GatewayClass },
    gateways: { path: `/apis/${GW}/v1/gateways`, list: cr("v1", "gateways"), schema: Gateway },
    routes: { path: `/apis/${GW}/v1/httproutes`, list: cr("v1", "httproutes"), schema: HTTPRoute },
    // Envoy Gateway reads ReferenceGrants as v1beta1.
    grants: {
      path: `/apis/${GW}/v1beta1/referencegrants`,
      list: cr("v1beta1", "referencegrants"),
      schema: ReferenceGrant,
    },
    services: { path: "/api/v1/services", list: lister(() => core.listServiceForAllNamespaces()), schema: Service },
    slices: {
      path: "/apis/discovery.k8s.io/v1/endpointslices",
      list: lister(() => discovery.listEndpointSliceForAllNamespaces()),
      schema: EndpointSlice,
    },
    namespaces: { path: "/api/v1/namespaces", list: lister(() => core.listNamespace()), schema: Namespace },
  };
}

export class Caches {
  private readonly informers = new Map<keyof Snapshot, Informer<KubernetesObject> & ObjectCache<KubernetesObject>>();
  private readonly schemas = new Map<keyof Snapshot, z.ZodType>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly reported = new Set<string>();
  private cached: Snapshot | undefined;
  private stopped = false;

  constructor(
    kc: KubeConfig,
    apis: Apis,
    private readonly onChange: () => void,
    private readonly log: (line: string) => void,
  ) {
    for (const [kind, src] of Object.entries(sources(apis)) as [keyof Snapshot, Source][]) {
      const informer = makeInformer(kc, src.path, src.list);
      const changed = () => {
        this.cached = undefined;
        this.onChange();
      };
      informer.on("add", changed);
      informer.on("update", changed);
      informer.on("delete", changed);
      informer.on("error", (err: unknown) => {
        if (this.stopped) return;
        this.log(`watch ${src.path} failed (${describeError(err)}); restarting`);
        const t = setTimeout(() => {
          this.timers.delete(t);
          if (!this.stopped) void informer.start();
        }, RESTART_MS);
        this.timers.add(t);
      });
      this.informers.set(kind, informer);
      this.schemas.set(kind, src.schema);
    }
  }

  /** Lists everything once and starts the watches. */
  async start(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.start()));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
  }

  /** Validated copy of the caches; rebuilt only after a change. Invalid objects are skipped. */
  snapshot(): Snapshot {
    if (this.cached) return this.cached;
    const out = {} as Record<keyof Snapshot, unknown[]>;
    for (const [kind, informer] of this.informers) {
      const schema = this.schemas.get(kind) as z.ZodType;
      out[kind] = informer.list().flatMap((obj) => {
        const parsed = schema.safeParse(obj);
        if (parsed.success) return [parsed.data];
        const id = `${kind}/${obj.metadata?.namespace}/${obj.metadata?.name}@${obj.metadata?.resourceVersion}`;
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

/** One line for a log: HTTP code and the API server's Status message, never headers or bodies in full. */
export function describeError(err: unknown): string {
  if (!err || typeof err !== "object") return String(err);
  const e = err as { code?: number; message?: string; body?: unknown };
  let message = e.message?.split("\n")[0] ?? "";
  if (typeof e.body === "string") {
    try {
      message = (JSON.parse(e.body) as { message?: string }).message ?? message;
    } catch {
      // not a Status object; keep the exception's first line
    }
  }
  return [e.code, message].filter(Boolean).join(" ");
}
