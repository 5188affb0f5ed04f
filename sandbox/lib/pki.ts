// Per-cluster PKI with the openssl CLI (Node's crypto cannot mint X.509 certificates). Each
// cluster gets its own CA and service-account key pair, so one cluster's credentials are
// rejected by the other, as with real clusters.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ClusterPki {
  dir: string;
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  saKey: string;
  saPub: string;
}

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run("openssl", args, { cwd });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`openssl ${args[0]} failed in ${cwd}: ${stderr || String(error)}`);
  }
}

/** Creates ca.{crt,key}, apiserver.{crt,key} (SAN 127.0.0.1/localhost) and sa.{key,pub} in `dir`. */
export async function createClusterPki(dir: string, clusterName: string): Promise<ClusterPki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const days = "365";
  await Promise.all([
    openssl(
      dir,
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", days, "-subj", `/CN=${clusterName}-ca`].concat([
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
      ]),
    ),
    openssl(
      dir,
      ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=kube-apiserver"].concat([
        "-keyout",
        "apiserver.key",
        "-out",
        "apiserver.csr",
      ]),
    ),
    openssl(dir, ["genrsa", "-out", "sa.key", "2048"]),
    writeFile(
      join(dir, "apiserver.ext"),
      "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n",
    ),
  ]);
  await Promise.all([
    openssl(
      dir,
      ["x509", "-req", "-in", "apiserver.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial"].concat([
        "-days",
        days,
        "-out",
        "apiserver.crt",
        "-extfile",
        "apiserver.ext",
      ]),
    ),
    openssl(dir, ["rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub"]),
  ]);
  const at = (file: string) => join(dir, file);
  return {
    dir,
    caCert: at("ca.crt"),
    caKey: at("ca.key"),
    servingCert: at("apiserver.crt"),
    servingKey: at("apiserver.key"),
    saKey: at("sa.key"),
    saPub: at("sa.pub"),
  };
}
