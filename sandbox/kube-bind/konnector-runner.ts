// Stands in for the kubelet for exactly one workload: the Deployment kube-bind/konnector that
// `kubectl bind` (or the portal's browser bind) creates on a consumer. Pods cannot run here, so
// each replica is the real konnector binary as a local process, authenticated with a token of the
// ServiceAccount the Deployment names, so it has exactly the RBAC the binding created. The runner
// writes the Deployment's status from the replicas' /healthz, restarts a crashed replica with
// back-off, and stops them all when the Deployment goes or is scaled to zero.
//
// It polls the one Deployment every second instead of watching it: the replicas' health has to
// be polled anyway, and a poll survives apiserver restarts without any resume logic.

import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { APIS } from "../../lib/k8s/apis";
import { isNotFound } from "../../lib/k8s/errors";
import type { KubeObject } from "../../lib/k8s/types";
import type { Cluster } from "../cluster/control-plane";
import type { KubeBindAssets } from "../lib/binaries";
import { writeKubeconfig } from "../lib/kubeconfig";
import { freePort } from "../lib/ports";
import { type Log, type ManagedProcess, startProcess } from "../lib/process";

export const KONNECTOR = { namespace: "kube-bind", name: "konnector" };
const TICK_MS = 1000;
const MAX_REPLICAS = 3;
const BACKOFF_MS = { first: 1000, max: 30_000 };
const TOKEN_SECONDS = 172_800;

interface Deployment {
  metadata: { name: string; namespace: string; uid: string; generation?: number; deletionTimestamp?: string };
  spec: {
    replicas?: number;
    template: { spec: { serviceAccountName?: string; containers: { args?: string[]; image?: string }[] } };
  };
  status?: Record<string, unknown>;
}

interface Replica {
  index: number;
  podName: string;
  port: number;
  proc?: ManagedProcess;
  ready: boolean;
  restarts: number;
  notBefore: number;
}

export interface KonnectorRunner {
  /** the running konnector processes, for the sandbox's process list */
  pids(): { name: string; pid: number; command: string }[];
  stop(): Promise<void>;
}

const DEPLOYMENT = { ...APIS.deployments, ...KONNECTOR };

export function startKonnectorRunner(
  consumer: Cluster,
  opts: { kubeBind: KubeBindAssets; runDir: string; log?: Log },
): KonnectorRunner {
  const log = opts.log ?? (() => {});
  const dir = join(opts.runDir, `${consumer.name}-konnector`);
  const replicas: Replica[] = [];
  let template = "";
  let lastStatus = "";
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();

  async function token(account: string): Promise<string> {
    const review = await consumer.admin.create<KubeObject & { status: { token: string } }>(
      {
        ...APIS.serviceAccounts,
        namespace: KONNECTOR.namespace,
        name: account,
        subresource: "token",
      },
      { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: { expirationSeconds: TOKEN_SECONDS } },
    );
    return review.status.token;
  }

  async function start(replica: Replica, deployment: Deployment): Promise<void> {
    const pod = deployment.spec.template.spec;
    const account = pod.serviceAccountName || "default";
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const kubeconfig = await writeKubeconfig(join(dir, `${replica.podName}.kubeconfig`), {
      clusterName: consumer.name,
      userName: `system:serviceaccount:${KONNECTOR.namespace}:${account}`,
      server: consumer.server,
      caPem: await readFile(consumer.caFile, "utf8"),
      credentials: { token: await token(account) },
    });
    replica.port = await freePort();
    replica.proc = startProcess({
      name: `${consumer.name}-${replica.podName}`,
      command: opts.kubeBind.bin.konnector,
      runDir: dir,
      // Its health server defaults to :8090 on every interface and panics if taken.
      args: [
        ...(pod.containers[0]?.args ?? []),
        `--kubeconfig=${kubeconfig}`,
        `--server-address=127.0.0.1:${replica.port}`,
      ],
      env: { ...process.env, POD_NAME: replica.podName, POD_NAMESPACE: KONNECTOR.namespace },
    });
    log(
      `${consumer.name}: konnector ${replica.podName} started (pid ${replica.proc.pid}, as ServiceAccount ${account})`,
    );
  }

  async function healthy(replica: Replica): Promise<boolean> {
    if (!replica.proc?.isRunning()) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${replica.port}/healthz`, { signal: AbortSignal.timeout(900) });
      return res.ok;
    } catch {
      return false;
    }
  }

  // Replicas being stopped no longer count (a terminating pod is not ready): they leave the list
  // at once and stop in the background, so the Deployment's status says so without delay.
  const stopping = new Set<Promise<void>>();
  function retire(gone: Replica[]): void {
    for (const r of gone) {
      if (!r.proc) continue;
      const done = r.proc.stop().finally(() => stopping.delete(done));
      stopping.add(done);
      log(`${consumer.name}: konnector ${r.podName}: stopping`);
    }
  }

  async function writeStatus(deployment: Deployment): Promise<void> {
    const running = replicas.filter((r) => r.proc?.isRunning()).length;
    const ready = replicas.filter((r) => r.ready).length;
    const available = ready > 0;
    const condition = (type: string, ok: boolean, reason: string, message: string) => ({
      type,
      status: ok ? "True" : "False",
      reason,
      message,
    });
    const status = {
      observedGeneration: deployment.metadata.generation,
      replicas: running,
      updatedReplicas: running,
      readyReplicas: ready,
      availableReplicas: ready,
      unavailableReplicas: Math.max(0, (deployment.spec.replicas ?? 1) - ready),
      conditions: [
        available
          ? condition("Available", true, "MinimumReplicasAvailable", "Deployment has minimum availability.")
          : condition(
              "Available",
              false,
              "MinimumReplicasUnavailable",
              "Deployment does not have minimum availability.",
            ),
      ],
    };
    const key = JSON.stringify(status);
    if (key === lastStatus) return;
    const now = new Date().toISOString();
    const withTimes = {
      ...status,
      conditions: status.conditions.map((c) => ({ ...c, lastUpdateTime: now, lastTransitionTime: now })),
    };
    await consumer.admin.mergePatch({ ...DEPLOYMENT, subresource: "status" }, { status: withTimes });
    lastStatus = key;
  }

  async function reconcile(): Promise<void> {
    let deployment: Deployment | undefined;
    try {
      deployment = await consumer.admin.get<KubeObject & Deployment>(DEPLOYMENT);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (!deployment || deployment.metadata.deletionTimestamp) {
      retire(replicas.splice(0));
      template = "";
      lastStatus = "";
      return;
    }
    // A new template (image, args, ServiceAccount) or a new Deployment replaces every replica.
    const key = JSON.stringify([deployment.metadata.uid, deployment.spec.template]);
    if (key !== template) {
      retire(replicas.splice(0));
      template = key;
    }
    const desired = Math.min(Math.max(deployment.spec.replicas ?? 1, 0), MAX_REPLICAS);
    retire(replicas.splice(desired));
    for (let i = replicas.length; i < desired; i++) {
      const suffix = deployment.metadata.uid.slice(0, 5);
      replicas.push({
        index: i,
        podName: `konnector-${suffix}-${i}`,
        port: 0,
        ready: false,
        restarts: 0,
        notBefore: 0,
      });
    }
    const now = Date.now();
    for (const replica of replicas) {
      if (replica.proc && !replica.proc.isRunning()) {
        // Crashed: start again after a doubling back-off, as a kubelet would.
        replica.restarts++;
        replica.notBefore = now + Math.min(BACKOFF_MS.first * 2 ** (replica.restarts - 1), BACKOFF_MS.max);
        log(
          `${consumer.name}: konnector ${replica.podName} exited (${await replica.proc.exited}); restart #${replica.restarts} soon`,
        );
        replica.proc = undefined;
      }
      if (!replica.proc && now >= replica.notBefore) {
        try {
          await start(replica, deployment);
        } catch (error) {
          replica.notBefore = now + BACKOFF_MS.first;
          log(`${consumer.name}: konnector ${replica.podName} cannot start yet: ${(error as Error).message}`);
        }
      }
    }
    await Promise.all(
      replicas.map(async (r) => {
        r.ready = await healthy(r);
      }),
    );
    await writeStatus(deployment);
  }

  let timer: NodeJS.Timeout | undefined;
  const loop = async (): Promise<void> => {
    if (stopped) return;
    await reconcile().catch((error) => log(`${consumer.name}: konnector runner: ${(error as Error).message}`));
    if (!stopped) timer = setTimeout(() => (busy = loop()), TICK_MS);
  };
  busy = loop();

  return {
    pids: () =>
      replicas.flatMap((r) =>
        r.proc?.isRunning() ? [{ name: r.proc.name, pid: r.proc.pid, command: r.proc.command }] : [],
      ),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await busy;
      retire(replicas.splice(0));
      await Promise.all(stopping);
    },
  };
}
