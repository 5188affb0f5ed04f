// One real control plane (etcd + kube-apiserver + kube-controller-manager) on loopback, each
// cluster with its own PKI, static tokens and free ports. Two of these start in parallel on 2
// cores, hence the generous timeouts.

import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { APIS } from "../../lib/k8s/apis";
import type { KubeClient } from "../../lib/k8s/client";
import { resolveBinary } from "../lib/binaries";
import { kubeconfigClient } from "../lib/kube";
import { writeKubeconfig } from "../lib/kubeconfig";
import { createClusterPki } from "../lib/pki";
import { freePort } from "../lib/ports";
import { type Log, type ManagedProcess, startProcess, waitFor } from "../lib/process";
import { startEtcd } from "./etcd";
import { issueTokens, tokenFile } from "./identities";

const run = promisify(execFile);
const READY_TIMEOUT_MS = 120_000;

export interface Cluster {
  name: string;
  dir: string;
  server: string;
  caFile: string;
  /** kube-apiserver --version, e.g. "Kubernetes v1.35.4" */
  version: string;
  etcdUrl: string;
  /** kubeconfig file per identity key (admin, alice, bob, admin-user; `portal` is added by setup) */
  kubeconfigs: Record<string, string>;
  /** client acting as the cluster admin (system:masters) */
  admin: KubeClient;
  processes: ManagedProcess[];
  stop(): Promise<void>;
}

export interface StartClusterOptions {
  name: string;
  runDir: string;
  log?: Log;
}

export async function startCluster({ name, runDir, log = () => {} }: StartClusterOptions): Promise<Cluster> {
  const dir = join(runDir, name);
  // A reused run dir must not hand old etcd data to a cluster with new PKI, tokens and ports.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const started: ManagedProcess[] = [];
  const stop = async () => {
    // Reverse start order: controller-manager, apiserver, then etcd.
    for (const proc of [...started].reverse()) await proc.stop();
  };
  try {
    const [apiserverBin, kcmBin] = await Promise.all([
      resolveBinary("kube-apiserver"),
      resolveBinary("kube-controller-manager"),
    ]);
    const [pki, etcd, apiPort] = await Promise.all([
      createClusterPki(join(dir, "pki"), name),
      startEtcd({ name, dir, runDir }).then((e) => {
        started.push(e.process);
        return e;
      }),
      freePort(),
    ]);
    const server = `https://127.0.0.1:${apiPort}`;
    const tokens = issueTokens();
    const tokensFile = join(dir, "pki", "tokens.csv");
    await writeFile(tokensFile, tokenFile(tokens), { mode: 0o600 });
    const version = (await run(apiserverBin, ["--version"])).stdout.trim();

    const apiserver = startProcess({
      name: `${name}-kube-apiserver`,
      command: apiserverBin,
      runDir,
      args: [
        `--etcd-servers=${etcd.url}`,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        `--secure-port=${apiPort}`,
        `--cert-dir=${pki.dir}`,
        `--tls-cert-file=${pki.servingCert}`,
        `--tls-private-key-file=${pki.servingKey}`,
        `--client-ca-file=${pki.caCert}`,
        `--token-auth-file=${tokensFile}`,
        "--authorization-mode=RBAC",
        `--service-account-issuer=${server}`,
        `--service-account-key-file=${pki.saPub}`,
        `--service-account-signing-key-file=${pki.saKey}`,
        // Room for one Envoy Service per Gateway at benchmark scale (10,000 LoadBalancers; a /16
        // holds 65,534 addresses).
        "--service-cluster-ip-range=10.0.0.0/16",
        // Each of those Services is of type LoadBalancer and takes a nodePort; the default range
        // (30000-32767) is full after about 2,700 of them. Nothing listens on node ports here.
        "--service-node-port-range=1024-65535",
        // ServiceAccount admission only concerns Pods, which never run here (envtest does the same).
        "--disable-admission-plugins=ServiceAccount",
        "--allow-privileged=true",
        // The `kubernetes` Service's Endpoints would be 127.0.0.1, which validation rejects every 10 s.
        "--endpoint-reconciler-type=none",
        "--profiling=false",
      ],
    });
    started.push(apiserver);

    const caPem = await readFile(pki.caCert, "utf8");
    const kubeconfigs: Record<string, string> = {};
    for (const t of tokens) {
      kubeconfigs[t.key] = await writeKubeconfig(join(dir, `kubeconfig-${t.key}.yaml`), {
        clusterName: name,
        userName: t.key,
        server,
        caPem,
        credentials: { token: t.token },
      });
    }
    const admin = await kubeconfigClient(kubeconfigs.admin, name);
    await waitFor(`${name} kube-apiserver /readyz`, () => admin.getPath("/readyz").then(() => true), {
      process: apiserver,
      timeoutMs: READY_TIMEOUT_MS,
    });
    await waitFor(`${name} namespace default`, () => admin.get({ ...APIS.namespaces, name: "default" }), {
      process: apiserver,
      timeoutMs: READY_TIMEOUT_MS,
    });
    log(`${name}: kube-apiserver ready at ${server}`);

    const kcm = startProcess({
      name: `${name}-kube-controller-manager`,
      command: kcmBin,
      runDir,
      args: [
        `--kubeconfig=${kubeconfigs.admin}`,
        "--controllers=namespace-controller,garbage-collector-controller,serviceaccount-controller,serviceaccount-token-controller,clusterrole-aggregation-controller",
        `--service-account-private-key-file=${pki.saKey}`,
        `--root-ca-file=${pki.caCert}`,
        "--use-service-account-credentials=false",
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        // Its HTTPS endpoint is not needed, and two instances would both want port 10257.
        "--secure-port=0",
      ],
    });
    started.push(kcm);
    // The serviceaccount controller creating default/default proves the controllers are running.
    await waitFor(
      `${name} kube-controller-manager (ServiceAccount default/default)`,
      () => admin.get({ ...APIS.serviceAccounts, namespace: "default", name: "default" }),
      { process: kcm, timeoutMs: READY_TIMEOUT_MS },
    );
    log(`${name}: kube-controller-manager running`);

    return {
      name,
      dir,
      server,
      caFile: pki.caCert,
      version,
      etcdUrl: etcd.url,
      kubeconfigs,
      admin,
      processes: started,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
