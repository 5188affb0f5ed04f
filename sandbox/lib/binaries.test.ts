import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assetVariable, BINARIES, findBinary, findKubeBind, KUBE_BIND_VERSION } from "./binaries";

function fakeExecutable(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, "#!/bin/sh\n");
  chmodSync(file, 0o755);
  return file;
}

describe("binary resolution (envtest convention)", () => {
  it("names TEST_ASSET_ variables like envtest", () => {
    expect(assetVariable("kube-apiserver")).toBe("TEST_ASSET_KUBE_APISERVER");
    expect(assetVariable("etcd")).toBe("TEST_ASSET_ETCD");
  });

  it("prefers TEST_ASSET_<NAME>, then KUBEBUILDER_ASSETS, then the cache", () => {
    const root = mkdtempSync(join(tmpdir(), "binaries-test-"));
    const cache = join(root, "cache");
    const cached = fakeExecutable(join(cache, "kubernetes@v1.35.4"), "kube-apiserver");
    const env: Record<string, string | undefined> = { KUBE_BIND_PORTAL_CACHE: cache };
    expect(findBinary("kube-apiserver", env)).toBe(cached);
    const assets = fakeExecutable(join(root, "assets"), "kube-apiserver");
    env.KUBEBUILDER_ASSETS = join(root, "assets");
    expect(findBinary("kube-apiserver", env)).toBe(assets);
    env.TEST_ASSET_KUBE_APISERVER = fakeExecutable(join(root, "explicit"), "apiserver");
    expect(findBinary("kube-apiserver", env)).toBe(env.TEST_ASSET_KUBE_APISERVER);
    expect(findBinary("etcd", env)).toBeUndefined();
  });

  it("uses the versions that build-binaries.sh builds", () => {
    const script = readFileSync(join(__dirname, "..", "bin", "build-binaries.sh"), "utf8");
    const version = (name: string) => script.match(new RegExp(`^${name}=(\\S+)$`, "m"))?.[1];
    expect(BINARIES["kube-apiserver"].version).toBe(version("K8S_VERSION"));
    expect(BINARIES["kube-controller-manager"].version).toBe(version("K8S_VERSION"));
    expect(BINARIES.etcd.version).toBe(version("ETCD_VERSION"));
    expect(BINARIES.kro.version).toBe(version("KRO_VERSION"));
  });
});

const SCRIPT = join(__dirname, "..", "bin", "build-binaries.sh");

/** A kube-bind release folder with stand-in binaries, as the release tarball lays it out. */
function fakeRelease(root: string): string {
  const dir = join(root, `kube-bind-${KUBE_BIND_VERSION}`);
  for (const b of ["kubectl-bind", "konnector", "backend"]) fakeExecutable(join(dir, "bin"), b);
  mkdirSync(join(dir, "crds"), { recursive: true });
  writeFileSync(join(dir, "crds", "kube-bind.io_clusterbindings.yaml"), "kind: CustomResourceDefinition\n");
  const sums = execFileSync("sha256sum", ["kubectl-bind", "konnector", "backend"], { cwd: join(dir, "bin") });
  writeFileSync(join(dir, "SHA256SUMS"), sums);
  return dir;
}

function prepare(env: Record<string, string>) {
  return spawnSync("bash", [SCRIPT, "kube-bind"], { env: { ...process.env, ...env }, encoding: "utf8" });
}

describe("kube-bind resolution", () => {
  it("uses the version build-binaries.sh prepares", () => {
    expect(readFileSync(SCRIPT, "utf8")).toMatch(new RegExp(`^KUBE_BIND_VERSION=${KUBE_BIND_VERSION}$`, "m"));
  });

  it("prefers a KUBE_BIND_ASSETS folder, then the cache", () => {
    const root = mkdtempSync(join(tmpdir(), "kube-bind-test-"));
    const env: Record<string, string | undefined> = { KUBE_BIND_PORTAL_CACHE: join(root, "cache") };
    expect(findKubeBind(env)).toBeUndefined();
    const cached = fakeRelease(join(root, "cache"));
    // The cache folder is named by version, not like the tarball's top folder.
    const cacheDir = join(root, "cache", `kube-bind@${KUBE_BIND_VERSION}`);
    execFileSync("mv", [cached, cacheDir]);
    expect(findKubeBind(env)?.bin.konnector).toBe(join(cacheDir, "bin", "konnector"));
    env.KUBE_BIND_ASSETS = fakeRelease(join(root, "assets"));
    expect(findKubeBind(env)?.dir).toBe(env.KUBE_BIND_ASSETS);
    expect(findKubeBind(env)?.crdsDir).toBe(join(env.KUBE_BIND_ASSETS, "crds"));
  });

  it("extracts a release tarball into the cache after checking its SHA256SUMS", () => {
    const root = mkdtempSync(join(tmpdir(), "kube-bind-test-"));
    fakeRelease(root);
    const tarball = join(root, `kube-bind-${KUBE_BIND_VERSION}-linux-amd64.tar.xz`);
    execFileSync("tar", ["-cJf", tarball, "-C", root, `kube-bind-${KUBE_BIND_VERSION}`]);
    const cache = join(root, "cache");
    const run = prepare({ KUBE_BIND_ASSETS: tarball, KUBE_BIND_PORTAL_CACHE: cache });
    expect(run.status, run.stderr).toBe(0);
    const found = findKubeBind({ KUBE_BIND_PORTAL_CACHE: cache });
    expect(found?.dir).toBe(join(cache, `kube-bind@${KUBE_BIND_VERSION}`));
    expect(existsSync(join(found?.crdsDir ?? "", "kube-bind.io_clusterbindings.yaml"))).toBe(true);
  });

  it("refuses a tarball whose binaries do not match SHA256SUMS, and names every way to provide kube-bind", () => {
    const root = mkdtempSync(join(tmpdir(), "kube-bind-test-"));
    const dir = fakeRelease(root);
    writeFileSync(join(dir, "bin", "konnector"), "#!/bin/sh\necho tampered\n");
    const tarball = join(root, "tampered.tar.xz");
    execFileSync("tar", ["-cJf", tarball, "-C", root, `kube-bind-${KUBE_BIND_VERSION}`]);
    const cache = join(root, "cache");
    const run = prepare({ KUBE_BIND_ASSETS: tarball, KUBE_BIND_PORTAL_CACHE: cache });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("no valid SHA256SUMS");
    expect(findKubeBind({ KUBE_BIND_PORTAL_CACHE: cache })).toBeUndefined();

    // Nothing configured, no tarball, no proxy serving the modules: one message with the options.
    const none = prepare({
      KUBE_BIND_PORTAL_CACHE: cache,
      KUBE_BIND_TARBALL: join(root, "missing.tar.xz"),
      GOPROXY: "off",
    });
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain("KUBE_BIND_ASSETS=");
    expect(none.stderr).toContain("release tarball");
    expect(none.stderr).toContain("Go module proxy");
  });
});
