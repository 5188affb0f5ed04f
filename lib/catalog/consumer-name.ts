import "server-only";
import { env } from "../env";
import { connection } from "../k8s/clusters";

/**
 * How the consent step names the portal's consumer cluster: its kubeconfig context when one is
 * configured, else its API server's host (what an administrator recognises).
 */
export async function consumerClusterName(): Promise<string> {
  const context = env().CONSUMER_CONTEXT;
  if (context) return context;
  return new URL((await connection("consumer")).server).host;
}
