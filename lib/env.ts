import "server-only";
import { parseEnv } from "./env-schema";

export type { PortalEnv } from "./env-schema";

let cached: ReturnType<typeof parseEnv> | undefined;

/**
 * The portal's configuration, validated once. Read lazily so that `next build` does not need a
 * configured environment; instrumentation.ts calls it at start-up so a bad setting stops the
 * server before it serves anything.
 */
export function env() {
  cached ??= parseEnv(process.env);
  return cached;
}
