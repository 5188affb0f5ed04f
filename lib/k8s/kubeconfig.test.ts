import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseKubeconfig, readKubeconfig } from "./kubeconfig";

const b64 = (text: string) => Buffer.from(text).toString("base64");

function kubeconfig(user: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name: "a", cluster: { server: "https://127.0.0.1:6443/", "certificate-authority-data": b64("CA-A") } },
      { name: "b", cluster: { server: "https://127.0.0.2:6443", "insecure-skip-tls-verify": true } },
    ],
    users: [{ name: "u", user }],
    contexts: [
      { name: "ctx-a", context: { cluster: "a", user: "u" } },
      { name: "ctx-b", context: { cluster: "b", user: "u" } },
    ],
    "current-context": "ctx-a",
    ...extra,
  });
}

describe("parseKubeconfig", () => {
  it("takes the current context's server (without a trailing slash), CA and token", () => {
    expect(parseKubeconfig(kubeconfig({ token: "t0k" }))).toEqual({
      server: "https://127.0.0.1:6443",
      caPem: "CA-A",
      token: "t0k",
      insecureSkipTlsVerify: undefined,
      certPem: undefined,
      keyPem: undefined,
      tokenFile: undefined,
    });
  });

  it("takes a named context and client certificate data", () => {
    const endpoint = parseKubeconfig(
      kubeconfig({ "client-certificate-data": b64("CERT"), "client-key-data": b64("KEY") }),
      { context: "ctx-b" },
    );
    expect(endpoint).toMatchObject({ server: "https://127.0.0.2:6443", certPem: "CERT", keyPem: "KEY" });
    expect(endpoint.insecureSkipTlsVerify).toBe(true);
  });

  it("reads referenced files relative to the kubeconfig's folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeconfig-test-"));
    writeFileSync(join(dir, "cert.pem"), "CERT-FILE");
    writeFileSync(join(dir, "key.pem"), "KEY-FILE");
    writeFileSync(join(dir, "config"), kubeconfig({ "client-certificate": "cert.pem", "client-key": "key.pem" }));
    expect(await readKubeconfig(join(dir, "config"))).toMatchObject({ certPem: "CERT-FILE", keyPem: "KEY-FILE" });
  });

  it("names what is missing or unsupported", () => {
    expect(() => parseKubeconfig(kubeconfig({}, { "current-context": "nope" }))).toThrow(
      'invalid kubeconfig: no context named "nope"',
    );
    expect(() => parseKubeconfig(kubeconfig({ exec: { command: "aws" } }))).toThrow(
      'kubeconfig user "u": exec plugins and auth providers are not supported',
    );
    expect(() => parseKubeconfig("clusters: [{name: a, cluster: {server: not a url}}]")).toThrow(/invalid kubeconfig/);
  });
});
