import "server-only";
import { env } from "../env";
import { connection, portalIdentityClient } from "../k8s/clusters";
import { WatchHub } from "../k8s/watch-hub";
import { RevocationStore } from "./revocations";
import { CLI_TOKEN_TTL_SECONDS, SESSION_MAX_AGE_SECONDS } from "./session-id";

// One store per server process, on globalThis like the live watch hub, so that every route
// bundle (and Next's dev-mode reloads) share one watch. It has a hub of its own: its one
// permanent subscription is no viewer's and must not show in the live hub's stats.
const STORE = Symbol.for("kube-bind-portal.revocations");
const holder = globalThis as { [STORE]?: RevocationStore };

export function revocations(): RevocationStore {
  holder[STORE] ??= new RevocationStore({
    hub: new WatchHub({ connect: connection }),
    client: () => portalIdentityClient("provider"),
    namespace: env().PORTAL_NAMESPACE,
  });
  return holder[STORE];
}

/**
 * Signs a session id out everywhere. It is kept until every credential that can carry it has
 * expired: session cookies roll for up to their max age, CLI tokens live their fixed lifetime.
 */
export function revokeSession(sid: string, expiresAt?: Date): Promise<void> {
  const longest = Math.max(SESSION_MAX_AGE_SECONDS, CLI_TOKEN_TTL_SECONDS) * 1000;
  return revocations().revoke(sid, expiresAt ?? new Date(Date.now() + longest));
}

export function isSessionRevoked(sid: string): Promise<boolean> {
  return revocations().isRevoked(sid);
}
