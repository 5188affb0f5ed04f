// Where setup YAML comes from: our own files in sandbox/manifests, the portal's deploy/ folder,
// and upstream CRDs taken from Go modules in the module cache (never copied into the repo).
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parseManifests } from "../../lib/k8s/apply";
import type { KubeObject } from "../../lib/k8s/types";

const run = promisify(execFile);
const SANDBOX_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = join(SANDBOX_DIR, "..");
export const MANIFESTS_DIR = join(SANDBOX_DIR, "manifests");

export const GATEWAY_API_MODULE = { path: "sigs.k8s.io/gateway-api", version: "v1.4.1" };
export const KRO_MODULE = { path: "github.com/kubernetes-sigs/kro", version: "v0.9.4" };

export async function readManifests(file: string): Promise<KubeObject[]> {
  return parseManifests(await readFile(file, "utf8"));
}

export function sandboxManifest(name: string): Promise<KubeObject[]> {
  return readManifests(join(MANIFESTS_DIR, name));
}

/** Every *.yaml in a folder, in name order. */
export async function manifestsIn(dir: string): Promise<KubeObject[]> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  return (await Promise.all(files.map((f) => readManifests(join(dir, f))))).flat();
}

/** The module's directory in the Go module cache (downloaded through the proxy if missing). */
export async function goModuleDir(module: { path: string; version: string }): Promise<string> {
  try {
    const { stdout } = await run("go", ["mod", "download", "-json", `${module.path}@${module.version}`], {
      cwd: SANDBOX_DIR,
      env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" },
      maxBuffer: 4 << 20,
    });
    const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
    if (!info.Dir) throw new Error(info.Error ?? "no Dir in go mod download output");
    return info.Dir;
  } catch (error) {
    throw new Error(`cannot locate Go module ${module.path}@${module.version}: ${(error as Error).message}`);
  }
}
