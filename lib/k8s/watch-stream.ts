// One upstream list+watch, resumed from its last resourceVersion; owned by the hub (watch-hub.ts).
//
// Why our own loop rather than client-node's ListWatch/makeInformer: client-node's Watch builds
// its requests from a KubeConfig with its own fetch, so it cannot send one Impersonate-Group header
// per group, bypasses ClusterConnection (undici dispatcher, credential refresh) and our one log
// line per call, does not hand a stream over to another identity, and reports no health. The loop
// below is small: list (paged) → watch with bookmarks → on 410 relist and emit the differences
// → on failure back off and retry, forever, until the hub stops it.
import type { ClusterConnection } from "./connection";
import { KubeError, kubeErrorFromResponse } from "./errors";
import { type KubeLogger, SILENT } from "./logger";
import { kubeRequest, openRequest } from "./request";
import { type Actor, actorName, type KubeList, type KubeObject, type ResourceRef } from "./types";
import { watchLines } from "./watch-lines";
import { type Delta, ObjectStore, slim } from "./watch-store";
import type { StreamHealth, StreamKey } from "./watch-types";

export interface StreamTuning {
  /** first retry delay after a failure; doubles per failure up to maxMs (±20 % jitter) */
  backoff: { initialMs: number; maxMs: number };
  /** the apiserver ends each watch after a random time in this range; we re-watch at once */
  watchTimeoutSeconds: [number, number];
  pageSize: number;
}

/** What the hub provides to its stream. */
export interface StreamHost {
  /** the identity to list and watch as; undefined stops the stream */
  carrier(): Actor | undefined;
  /** the apiserver refused a user identity (401/403): the hub drops its subscribers */
  refused(actor: Actor, error: KubeError): void;
  /** the first list finished */
  synced(): void;
  deliver(delta: Delta): void;
  healthChanged(health: StreamHealth): void;
}

type AbortReason = "stop" | "handover" | "idle";

export class WatchStream {
  readonly store = new ObjectStore();
  resourceVersion?: string;
  hasSynced = false;
  health: StreamHealth = { state: "connecting", since: new Date().toISOString() };
  readonly counters = { watchRequests: 0, lists: 0, relists: 0 };
  carrier?: Actor;
  private stopped = false;
  private inFlight?: AbortController;
  private wake?: () => void;
  private failures = 0;
  /** the logger of the connection last used */
  log: KubeLogger = SILENT;

  constructor(
    readonly key: StreamKey,
    private readonly connect: () => Promise<ClusterConnection>,
    private readonly host: StreamHost,
    private readonly tuning: StreamTuning,
  ) {}

  start(): this {
    void this.run();
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.interrupt("stop");
  }

  /** The carrier changed: reconnect as the new one from the same resourceVersion (no relist). */
  handOver(): void {
    this.interrupt("handover");
  }

  private interrupt(reason: AbortReason) {
    this.inFlight?.abort(reason);
    this.wake?.();
  }

  private get ref(): ResourceRef {
    const { group, version, resource, namespace } = this.key;
    return { group, version, resource, namespace };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const actor = this.host.carrier();
      if (!actor) return;
      this.carrier = actor;
      const ctrl = new AbortController();
      this.inFlight = ctrl;
      try {
        const conn = await this.connect();
        this.log = conn.log;
        if (this.resourceVersion === undefined) await this.list(conn, actor, ctrl.signal);
        await this.watch(conn, actor, ctrl);
      } catch (e) {
        if (this.stopped) return;
        const reason = ctrl.signal.reason as AbortReason | undefined;
        if (ctrl.signal.aborted && reason === "handover") continue;
        const error =
          reason === "idle"
            ? new KubeError(this.key.cluster, 0, "Unreachable", `the ${this.key.cluster} cluster stopped sending data`)
            : toKubeError(this.key.cluster, e);
        if (error.status === 410) {
          // Expired: what we missed is gone from the apiserver's history; list again and diff.
          this.resourceVersion = undefined;
          continue;
        }
        if ((error.status === 401 || error.status === 403) && actor.kind === "user") {
          this.host.refused(actor, error);
          continue;
        }
        this.failed(error);
        await this.sleep(this.delay());
      }
    }
  }

  private async list(conn: ClusterConnection, actor: Actor, signal: AbortSignal): Promise<void> {
    const items: KubeObject[] = [];
    let token: string | undefined;
    let rv: string | undefined;
    do {
      const page = await kubeRequest<KubeList>(conn, actor, {
        verb: "list",
        ref: this.ref,
        query: { limit: this.tuning.pageSize, continue: token },
        signal,
      });
      // List items carry no apiVersion/kind; views expect them.
      const kind = page.kind.replace(/List$/, "");
      for (const item of page.items) items.push(slim({ ...item, apiVersion: page.apiVersion, kind }));
      token = page.metadata.continue || undefined;
      rv = page.metadata.resourceVersion;
    } while (token);
    this.counters.lists++;
    const deltas = this.store.replace(items);
    this.resourceVersion = rv;
    if (!this.hasSynced) {
      this.hasSynced = true;
      this.host.synced();
      return;
    }
    this.counters.relists++;
    for (const d of deltas) this.host.deliver(d);
  }

  private async watch(conn: ClusterConnection, actor: Actor, ctrl: AbortController): Promise<void> {
    const [min, max] = this.tuning.watchTimeoutSeconds;
    const timeoutSeconds = Math.round(min + Math.random() * (max - min));
    this.counters.watchRequests++;
    const started = performance.now();
    let status = 0;
    let res: Awaited<ReturnType<typeof openRequest>>;
    try {
      res = await openRequest(conn, actor, {
        verb: "watch",
        ref: this.ref,
        query: { resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds },
        signal: ctrl.signal,
      });
      status = res.statusCode;
    } finally {
      this.logCall(actor, status, started);
    }
    if (status >= 400) {
      const text = await res.body.text();
      throw kubeErrorFromResponse(conn.name, status, parseJson(text) ?? text);
    }
    this.connected();
    // A silently dead connection sends nothing, not even bookmarks: give up on it after a while.
    const idle = setTimeout(() => ctrl.abort("idle"), (timeoutSeconds + 30) * 1000);
    try {
      for await (const event of watchLines(res.body)) {
        idle.refresh();
        const obj = event.object as unknown as KubeObject;
        if (event.type === "ERROR") throw kubeErrorFromResponse(conn.name, Number(event.object.code) || 500, obj);
        if (obj.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
        if (event.type === "BOOKMARK") continue;
        const delta = this.store.apply(event.type, slim(obj));
        if (delta) this.host.deliver(delta);
      }
    } finally {
      clearTimeout(idle);
      res.body.destroy();
    }
  }

  private connected() {
    this.failures = 0;
    if (this.health.state === "connected") return;
    if (this.health.state === "reconnecting")
      this.log.info(
        { k8s: { stream: this.key, cluster: this.key.cluster, since: this.health.since } },
        "watch stream recovered",
      );
    this.setHealth({ state: "connected", since: new Date().toISOString() });
  }

  private failed(error: KubeError) {
    this.failures++;
    const since = this.health.state === "reconnecting" ? this.health.since : new Date().toISOString();
    this.setHealth({ state: "reconnecting", since, lastError: error.toJSON(), attempt: this.failures });
    // One warning when an outage starts (and a reminder every 20 attempts), not one per retry.
    const level = this.failures === 1 || this.failures % 20 === 0 ? "warn" : "debug";
    this.log[level](
      { k8s: { stream: this.key, cluster: this.key.cluster, attempt: this.failures, error: error.toJSON() } },
      "watch stream failed; retrying",
    );
  }

  private setHealth(health: StreamHealth) {
    this.health = health;
    this.host.healthChanged(health);
  }

  private delay(): number {
    const { initialMs, maxMs } = this.tuning.backoff;
    const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, this.failures - 1));
    return base * (0.8 + Math.random() * 0.4);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** The same line kubeRequest writes for every call, for the watch request itself. */
  private logCall(actor: Actor, status: number, started: number) {
    const { group, resource, namespace, cluster } = this.key;
    this.log.info(
      {
        k8s: {
          verb: "watch",
          resource: [group, resource].filter(Boolean).join("/"),
          cluster,
          namespace,
          user: actorName(actor),
          status,
          ms: Math.round(performance.now() - started),
        },
      },
      "kubernetes call",
    );
  }
}

function toKubeError(cluster: StreamKey["cluster"], e: unknown): KubeError {
  if (e instanceof KubeError) return e;
  const code = (e as { code?: string })?.code;
  const message = `the ${cluster} cluster closed the watch${code ? ` (${code})` : ""}`;
  return new KubeError(cluster, 0, "Unreachable", message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
