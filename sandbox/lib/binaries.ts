// Finds the control-plane binaries the way envtest does: TEST_ASSET_<NAME>, then
// $KUBEBUILDER_ASSETS/<name>, then our version-keyed build cache; a missing binary is built by
// sandbox/bin/build-binaries.sh (minutes when cold), with its progress streamed to stderr.
// kube-bind is one release (three binaries and its CRDs): KUBE_BIND_ASSETS, then the cache; the
// script fills the cache from the release tarball or, where a proxy serves it, the Go modules.
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Wrapper module directory (sandbox/go/<wrapper>) and version per binary; keep in sync with build-binaries.sh. */
type Env = Record<string, string | undefined>;

export const BINARIES = {
  etcd: { wrapper: "etcd", version: "v3.6.16" },
  kro: { wrapper: "kro", version: "v0.9.4" },
  "kube-apiserver": { wrapper: "kubernetes", version: "v1.35.4" },
  "kube-controller-manager": { wrapper: "kubernetes", version: "v1.35.4" },
  kubectl: { wrapper: "kubernetes", version: "v1.35.4" },
} as const;
export type BinaryName = keyof typeof BINARIES;

const BUILD_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "build-binaries.sh");

export function assetVariable(name: string): string {
  return `TEST_ASSET_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

export function cacheDir(env: Env = process.env): string {
  return env.KUBE_BIND_PORTAL_CACHE ?? join(homedir(), ".cache", "kube-bind-portal");
}

function executable(file: string | undefined): file is string {
  if (!file) return false;
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path without building anything, or undefined. */
export function findBinary(name: BinaryName, env: Env = process.env): string | undefined {
  const { wrapper, version } = BINARIES[name];
  const candidates = [
    env[assetVariable(name)],
    env.KUBEBUILDER_ASSETS ? join(env.KUBEBUILDER_ASSETS, name) : undefined,
    join(cacheDir(env), `${wrapper}@${version}`, name),
  ];
  return candidates.find(executable);
}

// One build at a time: parallel cluster starts must not run the (CPU-bound) script twice.
let buildQueue: Promise<unknown> = Promise.resolve();

function runBuildScript(target: string, ready: () => boolean): Promise<void> {
  const next = buildQueue.then(
    () =>
      new Promise<void>((resolve, reject) => {
        if (ready()) return resolve();
        // stdout too goes to our stderr: callers may use stdout for machine-readable output.
        const child = spawn(BUILD_SCRIPT, [target], { stdio: ["ignore", process.stderr, process.stderr] });
        child.on("error", reject);
        child.on("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`${BUILD_SCRIPT} ${target} failed with exit code ${code}`)),
        );
      }),
  );
  buildQueue = next.catch(() => undefined);
  return next;
}

export async function resolveBinary(name: BinaryName): Promise<string> {
  const found = findBinary(name);
  if (found) return found;
  await runBuildScript(name, () => Boolean(findBinary(name)));
  const built = findBinary(name);
  if (!built) throw new Error(`${name}: build finished but no executable found under ${cacheDir()}`);
  return built;
}

/** kube-bind's release: the CLI, konnector and backend binaries and the CRDs of the same tag. */
export const KUBE_BIND_VERSION = "v0.8.1";
const KUBE_BIND_BINARIES = ["kubectl-bind", "konnector", "backend"] as const;

export interface KubeBindAssets {
  version: string;
  /** the release folder: bin/ and crds/ */
  dir: string;
  bin: Record<(typeof KUBE_BIND_BINARIES)[number], string>;
  crdsDir: string;
}

function kubeBindAt(dir: string): KubeBindAssets | undefined {
  const bin = Object.fromEntries(KUBE_BIND_BINARIES.map((b) => [b, join(dir, "bin", b)])) as KubeBindAssets["bin"];
  if (!Object.values(bin).every(executable)) return undefined;
  return { version: KUBE_BIND_VERSION, dir, bin, crdsDir: join(dir, "crds") };
}

/**
 * kube-bind without extracting or building anything: KUBE_BIND_ASSETS when it is a release
 * folder, else the cache. A tarball in KUBE_BIND_ASSETS is extracted into the cache by
 * resolveKubeBind.
 */
export function findKubeBind(env: Env = process.env): KubeBindAssets | undefined {
  const assets = env.KUBE_BIND_ASSETS;
  if (assets && !/\.tar\.xz$/.test(assets)) return kubeBindAt(assets);
  return kubeBindAt(join(cacheDir(env), `kube-bind@${KUBE_BIND_VERSION}`));
}

/** kube-bind, extracted from its release tarball or built by build-binaries.sh when missing. */
export async function resolveKubeBind(): Promise<KubeBindAssets> {
  const found = findKubeBind();
  if (found) return found;
  await runBuildScript("kube-bind", () => Boolean(findKubeBind()));
  const ready = findKubeBind();
  if (!ready) throw new Error(`kube-bind ${KUBE_BIND_VERSION}: sandbox/bin/build-binaries.sh kube-bind found nothing`);
  return ready;
}
