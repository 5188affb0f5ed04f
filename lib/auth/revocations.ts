// Signed-out sessions, held in the provider cluster so that every replica honours a sign-out.
//
// Signing out writes one ConfigMap (lib/auth/revocation-object.ts) into the portal's namespace.
// Each replica keeps a watch on that namespace's ConfigMaps through the shared watch hub, so it
// learns of a revocation made by any replica within the watch's latency (milliseconds), and the
// replica that signs out knows at once. Each object carries its expiry (when every cookie and
// CLI token with that session id has expired anyway); replicas delete expired ones.

import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { KubeError } from "../k8s/errors";
import type { WatchHub } from "../k8s/watch-hub";
import type { WatchSubscription } from "../k8s/watch-types";
import { log } from "../log";
import { readRevocation, revocationName, revocationObject } from "./revocation-object";

/** How long a check waits for the first list before asking for the one object directly. */
const FIRST_SYNC_WAIT_MS = 2_000;
const GC_INTERVAL_MS = 10 * 60_000;

export interface RevocationStoreOptions {
  hub: WatchHub;
  /** the portal's own identity on the provider */
  client: () => Promise<KubeClient>;
  namespace: string;
  now?: () => number;
}

export class RevocationStore {
  private readonly expiries = new Map<string, number>();
  private readonly sub: WatchSubscription;
  private readonly synced: Promise<void>;
  private readonly gc: ReturnType<typeof setInterval>;

  constructor(private readonly opts: RevocationStoreOptions) {
    let markSynced = () => {};
    this.synced = new Promise<void>((resolve) => {
      markSynced = resolve;
    });
    const key = { cluster: "provider" as const, ...APIS.configMaps, namespace: opts.namespace };
    this.sub = opts.hub.subscribe(key, { kind: "portal" }, (event) => {
      if (event.type === "sync") {
        for (const obj of event.objects) this.remember(readRevocation(obj));
        markSynced();
      } else if (event.type === "added" || event.type === "modified") {
        this.remember(readRevocation(event.object));
      } else if (event.type === "deleted") {
        const gone = readRevocation(event.object);
        if (gone) this.expiries.delete(gone.name);
      }
    });
    this.gc = setInterval(() => void this.collectGarbage(), GC_INTERVAL_MS);
    this.gc.unref?.();
  }

  private now() {
    return (this.opts.now ?? Date.now)();
  }

  private remember(r: { name: string; expiresAt: number } | null) {
    if (r) this.expiries.set(r.name, r.expiresAt);
  }

  /** Records that `sid` is signed out until `expiresAt`, for every replica. Idempotent. */
  async revoke(sid: string, expiresAt: Date): Promise<void> {
    const name = revocationName(sid);
    this.expiries.set(name, Math.max(this.expiries.get(name) ?? 0, expiresAt.getTime()));
    const client = await this.opts.client();
    try {
      await client.create(
        { ...APIS.configMaps, namespace: this.opts.namespace },
        revocationObject(sid, this.opts.namespace, expiresAt),
      );
    } catch (e) {
      if (!(e instanceof KubeError && e.conflict)) throw e;
    }
  }

  /**
   * Whether `sid` was signed out. Before the watch has listed once, the object is asked for
   * directly. If the provider cannot be asked at all, the session counts as not revoked (and a
   * warning is logged): signing everyone out while the provider is down would be worse.
   */
  async isRevoked(sid: string): Promise<boolean> {
    const name = revocationName(sid);
    if (!this.sub.synced()) await Promise.race([this.synced, delay(FIRST_SYNC_WAIT_MS)]);
    if (this.sub.synced()) return this.live(this.expiries.get(name));
    try {
      const client = await this.opts.client();
      const obj = await client.get({ ...APIS.configMaps, namespace: this.opts.namespace, name });
      return this.live(readRevocation(obj)?.expiresAt);
    } catch (e) {
      if (e instanceof KubeError && e.notFound) return false;
      log.warn({ auth: { event: "revocation-check-failed", reason: (e as Error).message } }, "revocation check failed");
      return false;
    }
  }

  private live(expiresAt: number | undefined) {
    return expiresAt !== undefined && expiresAt > this.now();
  }

  /** Deletes expired revocations (any replica may; a 404 means another one did). */
  async collectGarbage(): Promise<number> {
    const expired = [...this.expiries].filter(([, at]) => at <= this.now()).map(([name]) => name);
    if (expired.length === 0) return 0;
    const client = await this.opts.client().catch(() => null);
    if (!client) return 0;
    let deleted = 0;
    for (const name of expired) {
      try {
        await client.delete({ ...APIS.configMaps, namespace: this.opts.namespace, name });
        deleted++;
      } catch (e) {
        if (!(e instanceof KubeError && e.notFound)) {
          log.warn({ auth: { event: "revocation-gc-failed", reason: (e as Error).message } }, "revocation gc failed");
        }
      }
      this.expiries.delete(name);
    }
    return deleted;
  }

  stop() {
    clearInterval(this.gc);
    this.sub.close();
  }
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());
