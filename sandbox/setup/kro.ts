// The real kro controller as a local process against the provider (admin identity, like its
// Helm chart's default "unrestricted" RBAC mode). Its probe and metrics ports default to all
// interfaces on fixed ports, so both are moved to free loopback ports.
import { resolveBinary } from "../lib/binaries";
import { freePort } from "../lib/ports";
import { type ManagedProcess, startProcess, waitFor } from "../lib/process";

export async function startKro(opts: { kubeconfig: string; runDir: string }): Promise<ManagedProcess> {
  const binary = await resolveBinary("kro");
  const [metricsPort, healthPort] = [await freePort(), await freePort()];
  const proc = startProcess({
    name: "provider-kro",
    command: binary,
    runDir: opts.runDir,
    args: [
      `--kubeconfig=${opts.kubeconfig}`,
      `--metrics-bind-address=127.0.0.1:${metricsPort}`,
      `--health-probe-bind-address=127.0.0.1:${healthPort}`,
      "--zap-log-level=info",
    ],
  });
  try {
    await waitFor("kro /readyz", async () => (await fetch(`http://127.0.0.1:${healthPort}/readyz`)).ok, {
      process: proc,
      timeoutMs: 60_000,
    });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return proc;
}
