// The key that signs CLI access tokens. It is generated once and then kept (in a file or a
// Secret), never per start, so tokens survive restarts and work across replicas.
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { z } from "zod";

export const SIGNING_ALG = "ES256";

const StoredKey = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  d: z.string(),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
});

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export async function newJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: SIGNING_ALG };
}

export async function keyFromJwk(raw: unknown): Promise<SigningKey> {
  const jwk = StoredKey.parse(raw);
  const { d: _private, ...pub } = jwk;
  return {
    kid: jwk.kid,
    privateKey: (await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG)) as CryptoKey,
    publicKey: (await importJWK({ ...pub, alg: SIGNING_ALG }, SIGNING_ALG)) as CryptoKey,
  };
}

/** Reads the key file, creating it (mode 0600, never overwriting) on first use. */
export async function loadKeyFile(path: string): Promise<SigningKey> {
  try {
    return await keyFromJwk(JSON.parse(await readFile(path, "utf8")));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT")
      throw new Error(`CLI_TOKEN_KEY_FILE ${path}: ${(e as Error).message}`);
  }
  const jwk = await newJwk();
  try {
    await writeFile(path, JSON.stringify(jwk), { mode: 0o600, flag: "wx" });
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return loadKeyFile(path);
    throw e;
  }
  return keyFromJwk(jwk);
}
