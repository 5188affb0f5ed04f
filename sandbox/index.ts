// Starts the whole sandbox: echo backend, OIDC provider, three real control planes (the provider;
// the consumer the portal serves, bound from the browser; a second consumer, bound with the
// kubectl-bind CLI as in the guide), their setup, kro, kube-bind's backend, a konnector runner on
// each consumer and the Envoy Gateway emulator; writes <runDir>/sandbox.json (the contract in state.ts) and stops
// everything it started, in reverse order.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Cluster, startCluster } from "./cluster/control-plane";
import { CLUSTER_IDENTITIES } from "./cluster/identities";
import { startEcho } from "./echo/server";
import { startEnvoyGatewayEmulator } from "./emulators/envoy-gateway/index";
import { startKubeBindBackend } from "./kube-bind/backend";
import { startBinderRbac } from "./kube-bind/binder-rbac";
import { startKonnectorRunner } from "./kube-bind/konnector-runner";
import { resolveBinary, resolveKubeBind } from "./lib/binaries";
import { endpointAddress } from "./lib/network";
import type { Log } from "./lib/process";
import { startOidcProvider } from "./oidc/server";
import { setupProvider } from "./setup/provider";
import { type ClusterName, setupPortalIdentity, setupUserRbac } from "./setup/rbac";
import { type ClusterState, SandboxState } from "./state";

export interface StartSandboxOptions {
  runDir?: string;
  portalUrls: string[];
  log?: Log;
}

export interface RunningSandbox {
  state: SandboxState;
  /** where the state was written: <runDir>/sandbox.json */
  stateFile: string;
  stop(): Promise<void>;
}

interface Stoppable {
  name: string;
  stop(): Promise<void>;
  pids?: { name: string; pid: number; command: string }[];
}

/** Like Promise.all, but waits for every start to finish, so nothing keeps running unnoticed. */
async function allStarted<T extends readonly unknown[] | []>(
  starts: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  await Promise.allSettled(starts);
  return Promise.all(starts);
}

function clusterStoppable(cluster: Cluster): Stoppable {
  const pids = cluster.processes.map((p) => ({ name: p.name, pid: p.pid, command: p.command }));
  return { name: `cluster ${cluster.name}`, stop: cluster.stop, pids };
}

function clusterState(cluster: Cluster): ClusterState {
  const { name, server, caFile, version, etcdUrl: etcd, kubeconfigs } = cluster;
  return { name, server, caFile, version, etcd, kubeconfigs: { ...kubeconfigs } };
}

async function setupCluster(cluster: Cluster, role: ClusterName): Promise<void> {
  await setupUserRbac(cluster, role);
  await setupPortalIdentity(cluster, role);
}

export async function startSandbox(opts: StartSandboxOptions): Promise<RunningSandbox> {
  const log = opts.log ?? (() => {});
  const startedAt = new Date().toISOString();
  const runDir = opts.runDir ?? join(tmpdir(), `kube-bind-portal-sandbox-${randomBytes(4).toString("hex")}`);
  await mkdir(runDir, { recursive: true, mode: 0o700 });
  log(`run directory ${runDir}`);
  const stack: Stoppable[] = [];
  // Rewritten on every start, so `cli.ts down` can clean up even after a crash mid-start:
  // exactly the processes we spawned, nothing found by name. (Every process is also tied to this
  // one's life: sandbox/lib/process.ts.)
  const started = (part: Stoppable) => {
    stack.push(part);
    const pids = stack.flatMap((s) => s.pids ?? []);
    writeFileSync(join(runDir, "processes.json"), `${JSON.stringify({ launcher: process.pid, pids }, null, 2)}\n`);
  };
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      for (const part of [...stack].reverse()) {
        try {
          await part.stop();
          log(`stopped ${part.name}`);
        } catch (error) {
          log(`stopping ${part.name} failed: ${(error as Error).message}`);
        }
      }
    })();
    return stopping;
  };

  try {
    // The echo server first: its port goes into the provider's EndpointSlice.
    // It listens on loopback; the provider's EndpointSlice names the emulated consumer node.
    const echoAddress = endpointAddress();
    // Before anything starts: a missing kube-bind release should fail in seconds, not after the
    // clusters are up.
    const [kubeBind, kubectl] = [await resolveKubeBind(), await resolveBinary("kubectl")];
    const echo = await startEcho({ host: "127.0.0.1" });
    started({ name: "echo", stop: echo.stop });
    log(`echo backend at ${echo.url}`);

    const track = <T>(start: Promise<T>, toStoppable: (value: T) => Stoppable) =>
      start.then((value) => {
        started(toStoppable(value));
        return value;
      });
    const [oidc, provider, consumer, secondConsumer] = await allStarted([
      track(startOidcProvider({ portalUrls: opts.portalUrls, logFile: join(runDir, "oidc.log") }), (o) => ({
        name: "oidc",
        stop: o.stop,
      })),
      track(startCluster({ name: "provider", runDir, log }), clusterStoppable),
      track(startCluster({ name: "consumer", runDir, log }), clusterStoppable),
      track(startCluster({ name: "consumer-2", runDir, log }), clusterStoppable),
    ]);
    log(`OIDC issuer ${oidc.issuer}`);
    for (const user of oidc.users) {
      // The portal impersonates the email with the token's groups; the clusters' static tokens should agree.
      const identity = CLUSTER_IDENTITIES.find((i) => i.user === user.email);
      if (identity?.groups.join() !== user.groups.join())
        log(`warning: OIDC user ${user.email} differs from the cluster identities`);
    }

    await allStarted([
      (async () => {
        await setupCluster(provider, "provider");
        const { kro } = await setupProvider(provider, {
          echo: { address: echoAddress, port: echo.port },
          kubeBindCrds: kubeBind.crdsDir,
          runDir,
          log,
        });
        started({ name: "kro", stop: kro.stop, pids: [{ name: kro.name, pid: kro.pid, command: kro.command }] });
        const backend = await startKubeBindBackend(provider, { kubeBind, runDir });
        const { process: b } = backend;
        started({ name: "kube-bind backend", stop: b.stop, pids: [{ name: b.name, pid: b.pid, command: b.command }] });
        log(
          `kube-bind ${kubeBind.version} backend at ${backend.url} (front end disabled: the portal is the front end)`,
        );
        const rbac = startBinderRbac(provider, log);
        started({ name: "kube-binder RBAC", stop: rbac.stop });
      })(),
      setupCluster(consumer, "consumer"),
      setupCluster(secondConsumer, "consumer"),
    ]);
    log("provider and consumers set up");

    const emulator = await startEnvoyGatewayEmulator({ kubeconfigPath: provider.kubeconfigs.admin, log });
    started({ name: "envoy-gateway emulator", stop: emulator.stop });
    for (const cluster of [consumer, secondConsumer]) {
      const konnectors = startKonnectorRunner(cluster, { kubeBind, runDir, log });
      started({ name: `konnector runner (${cluster.name})`, stop: konnectors.stop });
    }

    const state = SandboxState.parse({
      runDir,
      startedAt,
      clusters: {
        provider: clusterState(provider),
        consumer: clusterState(consumer),
        secondConsumer: clusterState(secondConsumer),
      },
      oidc: { issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret, users: oidc.users },
      echo: { url: echo.url },
      kubectl,
      kubeBind: { version: kubeBind.version, dir: kubeBind.dir, bin: kubeBind.bin },
      portalUrls: opts.portalUrls,
    });
    const stateFile = join(runDir, "sandbox.json");
    await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    return { state, stateFile, stop };
  } catch (error) {
    log(`start failed, stopping what was started; logs stay in ${runDir}`);
    await stop();
    throw error;
  }
}
