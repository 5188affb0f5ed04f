// The konnector's ClusterBinding reconciler: heartbeat (lastHeartbeatTime, heartbeatInterval,
// konnectorVersion) on the provider's ClusterBinding status, condition SecretValid for the
// provider's kubeconfig Secret, and copying that Secret back to the consumer (token rotation).
import { isConflict, type KubeClient, resourcePath } from "./client";
import { markFalse, markTrue, sameJson, setSummary, timestamp } from "./conditions";
import type { Log } from "./informer";
import { CLUSTER_BINDING, KONNECTOR_VERSION, R } from "./naming";
import type { ClusterBinding, Condition, Secret } from "./types";

export interface SecretRef {
  namespace: string;
  name: string;
  key: string;
}

/** Go time.Duration.String() for whole milliseconds: "10s", "5m0s", "1h0m0s", "500ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

async function providerSecretCondition(
  provider: KubeClient,
  cb: ClusterBinding,
  conditions: Condition[] | undefined,
): Promise<{ conditions: Condition[]; secret?: Secret; key: string }> {
  const ns = cb.metadata.namespace ?? "";
  const name = cb.spec?.kubeconfigSecretRef?.name || "kubeconfig";
  const key = cb.spec?.kubeconfigSecretRef?.key || "kubeconfig";
  const secret = await provider.get<Secret>(resourcePath(R.secrets, ns, name));
  if (!secret)
    return {
      key,
      conditions: markFalse(
        conditions,
        "SecretValid",
        "ProviderSecretNotFound",
        "Warning",
        `Provider secret ${ns}/${name} not found`,
      ),
    };
  if (!secret.data?.[key])
    return {
      key,
      conditions: markFalse(
        conditions,
        "SecretValid",
        "ProviderSecretInvalid",
        "Warning",
        `Provider secret ${ns}/${name} is missing "${key}" string key.`,
      ),
    };
  return { key, secret, conditions: markTrue(conditions, "SecretValid") };
}

/** Copies a changed provider kubeconfig into the consumer Secrets the bindings reference. */
async function copyBack(consumer: KubeClient, provider: Secret, key: string, refs: SecretRef[], log: Log) {
  const data = provider.data?.[key];
  if (!data) return;
  for (const ref of refs) {
    const path = resourcePath(R.secrets, ref.namespace, ref.name);
    const current = await consumer.get<Secret>(path);
    if (!current || current.data?.[ref.key] === data) continue;
    await consumer.update(path, { ...current, data: { ...current.data, [ref.key]: data } });
    log(`updated consumer secret ${ref.namespace}/${ref.name} from the provider's kubeconfig secret`);
  }
}

/**
 * One heartbeat. Returns the provider's pretty name from the ClusterBinding spec; throws when
 * the ClusterBinding cannot be read or written (the caller reports Heartbeating=False).
 */
export async function heartbeat(opts: {
  provider: KubeClient;
  consumer: KubeClient;
  clusterNamespace: string;
  intervalMs: number;
  secretRefs: SecretRef[];
  log: Log;
}): Promise<string | undefined> {
  const { provider, clusterNamespace, intervalMs } = opts;
  const path = resourcePath(R.clusterBindings, clusterNamespace, CLUSTER_BINDING);
  for (let attempt = 0; ; attempt++) {
    const cb = await provider.get<ClusterBinding>(path);
    if (!cb) throw new Error(`ClusterBinding ${clusterNamespace}/${CLUSTER_BINDING} not found`);
    const checked = await providerSecretCondition(provider, cb, cb.status?.conditions);
    if (checked.secret) await copyBack(opts.consumer, checked.secret, checked.key, opts.secretRefs, opts.log);
    const now = new Date();
    const last = Date.parse(cb.status?.lastHeartbeatTime ?? "");
    const status: NonNullable<ClusterBinding["status"]> = {
      ...cb.status,
      heartbeatInterval: formatDuration(intervalMs),
      konnectorVersion: KONNECTOR_VERSION,
      // As upstream: refresh when older than half the interval.
      lastHeartbeatTime:
        Number.isNaN(last) || now.getTime() - last > intervalMs / 2 ? timestamp(now) : cb.status?.lastHeartbeatTime,
      conditions: setSummary(markTrue(checked.conditions, "ValidVersion")),
    };
    if (sameJson(status, cb.status)) return cb.spec?.providerPrettyName;
    try {
      await provider.update(`${path}/status`, { ...cb, status });
      return cb.spec?.providerPrettyName;
    } catch (e) {
      // The backend writes Healthy into the same status; on a conflict read again, once.
      if (!isConflict(e) || attempt > 0) throw e;
    }
  }
}
