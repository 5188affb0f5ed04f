// `npm run demo`: the whole flow of the guide on one machine. Builds what the sandbox needs,
// starts it and a production build of the portal, and prints the URL, users and commands.
import { spawn, spawnSync } from "node:child_process";
import { lookup } from "node:dns/promises";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { startSandbox } from "./index";
import { diesWithParent, waitFor } from "./lib/process";
import { portalEnv } from "./portal-env";

const PORT = Number(process.env.PORT ?? 8080);
const HOST = "kube-bind.dev.local";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const id = ".next/BUILD_ID";
  if (!existsSync(id)) return false;
  const sources = ["app", "components", "lib", "public"].filter(existsSync).map(newestSource);
  return statSync(id).mtimeMs > Math.max(...sources, statSync("package-lock.json").mtimeMs);
}

async function hostIsLoopback(): Promise<boolean> {
  try {
    const { address } = await lookup(HOST);
    return address.startsWith("127.") || address === "::1";
  } catch {
    return false;
  }
}

async function main() {
  const t0 = Date.now();
  const step = (what: string) => console.log(`[demo ${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}`);
  step("checking the sandbox binaries (the first run builds them from Go modules: about 15 minutes)");
  if (spawnSync("bash", ["sandbox/bin/build-binaries.sh"], { stdio: "inherit" }).status !== 0) process.exit(1);
  if (!buildIsCurrent()) {
    step("building the portal (next build)");
    const build = spawnSync("node", ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) process.exit(1);
  }

  const named = await hostIsLoopback();
  const portalUrl = named ? `http://${HOST}:${PORT}` : `http://127.0.0.1:${PORT}`;
  const urls = [`http://${HOST}:${PORT}`, `http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`];
  step("starting the sandbox");
  const sandbox = await startSandbox({ portalUrls: urls, runDir: process.env.SANDBOX_RUN_DIR, log: (l) => step(l) });
  const portal = spawn(
    ...diesWithParent("node", ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"]),
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...portalEnv(sandbox.state, portalUrl) },
    },
  );
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    portal.kill("SIGTERM");
    await sandbox.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  portal.on("exit", (code) => void stop(code ?? 1));

  await waitFor("the portal", async () => (await fetch(`http://127.0.0.1:${PORT}/api/readyz`)).ok, {
    timeoutMs: 120_000,
  });
  const s = sandbox.state;
  console.log(`
Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.

  Portal:      ${portalUrl}${named ? "" : `\n               (add "127.0.0.1 ${HOST}" to /etc/hosts to use http://${HOST}:${PORT})`}
  Sign in as:  ${s.oidc.users.map((u) => `${u.username} / ${u.password} (${u.groups.join(", ")})`).join("\n               ")}
  Identity provider: ${s.oidc.issuer}

  Kubeconfigs (cluster-admin):
    provider   ${s.clusters.provider.kubeconfigs.admin}
    consumer   ${s.clusters.consumer.kubeconfigs.admin}   (the cluster the portal serves)
    consumer-2 ${s.clusters.secondConsumer.kubeconfigs.admin}   (a second cluster, for the CLI)
  Users on the consumer: ${["alice", "bob"].map((u) => `${u} ${s.clusters.consumer.kubeconfigs[u]}`).join(", ")}

  Try the guide: sign in as admin, open Catalog → loadbalancer → "Allow and bind to my cluster";
  then, as alice, LoadBalancers → New. Bind the second cluster as the guide does, with the real
  kube-bind CLI (kubectl-bind ${s.kubeBind.version}, a kubectl plugin found on PATH):
    export PATH=${dirname(s.kubeBind.bin["kubectl-bind"])}:${dirname(s.kubectl)}:$PATH
    export KUBECONFIG=${s.clusters.secondConsumer.kubeconfigs.admin}
    kubectl bind login ${portalUrl}
    kubectl bind
    kubectl get loadbalancers
  As admin, Provider shows the setup checklist and both consumers with their konnectors' heartbeats.
  kube-bind's backend runs against the provider, a konnector on each consumer (logs: ${s.runDir}).

  State: ${sandbox.stateFile}
  Press Ctrl+C to stop everything.
`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
