import { KubeError } from "./k8s/errors";

/** The portal's error vocabulary for expected failures shown to users. */
export interface PortalError {
  cluster?: "provider" | "consumer";
  status: number;
  reason: string;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: PortalError };

/** Runs `fn`; a KubeError becomes a failed Result, anything else is a bug and is rethrown. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (e instanceof KubeError) return { ok: false, error: e.toJSON() };
    throw e;
  }
}

/**
 * `promise`, started ahead of a check that may make it moot: awaiting it later still throws its
 * error, but a rejection nobody awaits is not reported as unhandled.
 */
export function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
