import "server-only";
import { env } from "../env";
import { connection } from "../k8s/clusters";
import { kubeRequest } from "../k8s/request";
import { PORTAL } from "../k8s/types";
import { probeOidcDiscovery } from "./oidc-probe";

export interface Check {
  name: string;
  ok: boolean;
  ms: number;
  message?: string;
}

async function timed(name: string, fn: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 5s")), 5_000).unref()),
    ]);
    return { name, ok: true, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { name, ok: false, ms: Math.round(performance.now() - started), message: (e as Error).message };
  }
}

/** Readiness: both clusters answer the portal's identity and the issuer's discovery answers. */
export async function readinessChecks(): Promise<Check[]> {
  return Promise.all([
    timed("provider-cluster", async () =>
      kubeRequest(await connection("provider"), PORTAL, {
        verb: "get",
        ref: { group: "", version: "v1", resource: "" },
      }),
    ),
    timed("consumer-cluster", async () =>
      kubeRequest(await connection("consumer"), PORTAL, {
        verb: "get",
        ref: { group: "", version: "v1", resource: "" },
      }),
    ),
    timed("oidc-discovery", () => probeOidcDiscovery(env().OIDC_ISSUER_URL)),
  ]);
}
