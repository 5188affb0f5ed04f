import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assetVariable, BINARIES, findBinary } from "./binaries";

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
