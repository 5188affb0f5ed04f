// Emulated konnector on the consumer cluster, run with the consumer's admin kubeconfig (the real
// one runs with a ClusterRole of all verbs): installs the APIServiceBinding CRD, validates each
// binding's kubeconfig Secret, and connects to the provider with THAT kubeconfig, one session per
// distinct kubeconfig as upstream's konnector controller does.
import { KubeConfig } from "@kubernetes/client-node";
import { KubeClient, resourcePath } from "./client";
import { markFalse, markTrue, sameJson, setSummary } from "./conditions";
import { Informer, type Log, waitForSync } from "./informer";
import { ensureBindingCrd } from "./konnector-crd";
import type { SecretRef } from "./konnector-heartbeat";
import { type BindingStatus, ProviderSession } from "./konnector-session";
import { KONNECTOR_FIELD_MANAGER, R } from "./naming";
import { every, WorkQueue } from "./queue";
import type { Condition, Secret, ServiceBinding, Stoppable } from "./types";

export interface KonnectorOptions {
  /** consumer kubeconfig: file path or YAML text */
  kubeconfig: string;
  log: Log;
  /** heartbeat and resync period; the brief's 10 s (upstream: 5 min) */
  heartbeatMs?: number;
}

/** Why a kubeconfig cannot be used by the konnector, or undefined (ensureValidKubeconfigSecret). */
export function kubeconfigProblem(text: string): string | undefined {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (e) {
    return `invalid kubeconfig: ${(e as Error).message}`;
  }
  const current = kc.getCurrentContext();
  const context = kc.getContextObject(current);
  if (!context) return `invalid kubeconfig: current context "${current}" not found`;
  if (!context.namespace) return `invalid kubeconfig: current context "${current}" has no namespace set`;
  if (!kc.getCluster(context.cluster)?.server) return "invalid kubeconfig: no server for the current context";
  return undefined;
}

async function readSecret(consumer: KubeClient, binding: ServiceBinding) {
  const ref = binding.spec?.kubeconfigSecretRef ?? {};
  const secretRef: SecretRef = { namespace: ref.namespace ?? "", name: ref.name ?? "", key: ref.key || "kubeconfig" };
  const where = `Kubeconfig secret ${secretRef.namespace}/${secretRef.name}`;
  const fail = (reason: string, message: string) => ({
    conditions: markFalse(binding.status?.conditions, "SecretValid", reason, "Error", message),
    secretRef,
    kubeconfig: undefined,
  });
  const secret =
    secretRef.namespace && secretRef.name
      ? await consumer.get<Secret>(resourcePath(R.secrets, secretRef.namespace, secretRef.name))
      : undefined;
  if (!secret) return fail("KubeconfigSecretNotFound", `${where} not found. Rerun kubectl bind for repair.`);
  const data = secret.data?.[secretRef.key];
  if (!data) return fail("KubeconfigSecretInvalid", `${where} is missing "${secretRef.key}" string key.`);
  const kubeconfig = Buffer.from(data, "base64").toString("utf8");
  const problem = kubeconfigProblem(kubeconfig);
  if (problem) return fail("KubeconfigSecretInvalid", `${where} has an ${problem}`);
  return { conditions: markTrue(binding.status?.conditions, "SecretValid"), secretRef, kubeconfig };
}

export async function startKonnector(opts: KonnectorOptions): Promise<Stoppable> {
  const log = (line: string) => opts.log(`konnector: ${line}`);
  const heartbeatMs = opts.heartbeatMs ?? 10_000;
  const consumer = KubeClient.load(opts.kubeconfig, KONNECTOR_FIELD_MANAGER);
  await ensureBindingCrd(consumer);

  const bindings = new Informer<ServiceBinding>(consumer, resourcePath(R.bindings), log);
  const namespaces = new Informer(consumer, resourcePath(R.namespaces), log);
  /** provider sessions by kubeconfig text */
  const sessions = new Map<string, ProviderSession>();

  async function detach(name: string, keep?: ProviderSession): Promise<void> {
    for (const [kubeconfig, session] of sessions) {
      if (session === keep || !session.bindingNames.includes(name)) continue;
      await session.unbind(name);
      if (session.bindingNames.length > 0) continue;
      sessions.delete(kubeconfig);
      await session.stop();
      log(`disconnected from provider namespace ${session.clusterNamespace}`);
    }
  }

  async function reconcile(name: string): Promise<void> {
    const binding = await consumer.get<ServiceBinding>(resourcePath(R.bindings, undefined, name));
    if (!binding || binding.metadata.deletionTimestamp) return detach(name);
    const secret = await readSecret(consumer, binding);
    let result: BindingStatus = { conditions: secret.conditions };
    if (secret.kubeconfig) {
      let session = sessions.get(secret.kubeconfig);
      if (!session) {
        session = new ProviderSession({
          consumer,
          provider: KubeClient.load(secret.kubeconfig, KONNECTOR_FIELD_MANAGER),
          consumerNamespaces: namespaces,
          heartbeatMs,
          log,
          requeue: (binding, delayMs) => queue.add(binding, delayMs),
        });
        sessions.set(secret.kubeconfig, session);
        log(`connected to provider namespace ${session.clusterNamespace} for APIServiceBinding ${name}`);
      }
      await detach(name, session);
      result = await session.bind(
        { ...binding, status: { ...binding.status, conditions: secret.conditions } },
        secret.secretRef,
      );
    } else {
      await detach(name);
    }
    const { conditions, ...fields } = result;
    const status = { ...binding.status, ...fields, conditions: setSummary(conditions as Condition[] | undefined) };
    if (sameJson(status, binding.status)) return;
    await consumer.update(resourcePath(R.bindings, undefined, name, "status"), { ...binding, status });
  }

  const queue = new WorkQueue("APIServiceBinding", reconcile, log);
  bindings.on((_type, b) => queue.add(b.metadata.name));
  namespaces.on((type) => {
    if (type !== "DELETED") return;
    for (const s of sessions.values())
      void s.namespaces.collectGarbage().catch((e) => log(`namespace cleanup: ${(e as Error).message}`));
  });
  namespaces.start();
  bindings.start();
  try {
    await waitForSync([namespaces, bindings], 60_000);
  } catch (e) {
    bindings.stop();
    namespaces.stop();
    await queue.stop();
    await Promise.all([...sessions.values()].map((s) => s.stop()));
    throw e;
  }
  // Secrets are not watched: a changed kubeconfig Secret is picked up on this resync.
  const stopResync = every(heartbeatMs, () => {
    for (const b of bindings.list()) queue.add(b.metadata.name);
  });
  log("started");

  return {
    async stop() {
      stopResync();
      bindings.stop();
      namespaces.stop();
      await queue.stop();
      await Promise.all([...sessions.values()].map((s) => s.stop()));
      sessions.clear();
      log("stopped");
    },
  };
}
