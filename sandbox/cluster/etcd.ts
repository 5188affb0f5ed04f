// One etcd per cluster (own data dir and ports): fully isolated, ~50 MB each.
import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { resolveBinary } from "../lib/binaries";
import { freePort } from "../lib/ports";
import { type ManagedProcess, startProcess, waitFor } from "../lib/process";

const run = promisify(execFile);
let noFsyncSupported: Promise<boolean> | undefined;

// --unsafe-no-fsync only exists from etcd 3.5; probe instead of assuming (a TEST_ASSET_ETCD may be older).
function supportsNoFsync(binary: string): Promise<boolean> {
  noFsyncSupported ??= run(binary, ["--help"], { maxBuffer: 4 << 20 })
    .then(({ stdout, stderr }) => `${stdout}${stderr}`.includes("--unsafe-no-fsync"))
    .catch(() => false);
  return noFsyncSupported;
}

export interface Etcd {
  url: string;
  process: ManagedProcess;
}

export async function startEtcd(opts: { name: string; dir: string; runDir: string }): Promise<Etcd> {
  const binary = await resolveBinary("etcd");
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const dataDir = join(opts.dir, "etcd-data");
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const args = [
    `--name=${opts.name}`,
    `--data-dir=${dataDir}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=${opts.name}=${peer}`,
    "--log-level=warn",
    // The benchmark's 10,000 LoadBalancers (each with its kro children, Service and konnector copy)
    // and their status churn outgrow the default 2 GiB before the apiserver compacts them.
    "--quota-backend-bytes=8589934592",
  ];
  if (await supportsNoFsync(binary)) args.push("--unsafe-no-fsync=true");
  const proc = startProcess({ name: `${opts.name}-etcd`, command: binary, args, runDir: opts.runDir });
  try {
    await waitFor(
      `etcd of ${opts.name} to be healthy`,
      async () => {
        const res = await fetch(`${url}/health`);
        return res.ok && ((await res.json()) as { health?: string }).health === "true";
      },
      { process: proc, timeoutMs: 60_000 },
    );
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { url, process: proc };
}
