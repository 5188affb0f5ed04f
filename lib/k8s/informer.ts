// A small informer for controllers (the sandbox's emulators): one list+watch of a resource kept
// in memory, with add/update/delete handlers. It is a WatchStream as the connection's own
// identity, so it resumes from its resourceVersion, relists on 410 Gone (handlers then see only
// the differences) and retries with backoff until stopped.
import type { ClusterConnection } from "./connection";
import { type KubeObject, PORTAL } from "./types";
import type { Delta } from "./watch-store";
import { WatchStream } from "./watch-stream";
import type { StreamKey } from "./watch-types";

export class Informer {
  private readonly stream: WatchStream;
  private readonly handlers = new Set<(delta: Delta) => void>();
  private readonly synced: Promise<void>;

  constructor(conn: ClusterConnection, ref: Omit<StreamKey, "cluster">) {
    let resolveSynced = () => {};
    this.synced = new Promise((resolve) => {
      resolveSynced = resolve;
    });
    this.stream = new WatchStream(
      { ...ref, cluster: conn.name },
      async () => conn,
      {
        carrier: () => PORTAL,
        refused: () => {},
        synced: resolveSynced,
        deliver: (delta) => {
          for (const handler of this.handlers) handler(delta);
        },
        healthChanged: () => {},
      },
      { backoff: { initialMs: 250, maxMs: 5_000 }, watchTimeoutSeconds: [240, 300], pageSize: 500 },
    );
  }

  /** Called for each object added, modified or deleted after the first list. */
  on(handler: (delta: Delta) => void): this {
    this.handlers.add(handler);
    return this;
  }

  /** Starts listing and watching; resolves once the first list is in. */
  start(): Promise<void> {
    this.stream.start();
    return this.synced;
  }

  stop(): void {
    this.stream.stop();
  }

  list(): KubeObject[] {
    return this.stream.store.list();
  }
}
