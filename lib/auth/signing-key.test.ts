import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { loadKeyFile, SIGNING_ALG } from "./signing-key";

describe("CLI token signing key in a file", () => {
  it("is generated once with mode 0600 and then reused", async () => {
    const dir = await mkdtemp(join(tmpdir(), "portal-key-"));
    const path = join(dir, "key.json");
    const first = await loadKeyFile(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const stored = await readFile(path, "utf8");
    const second = await loadKeyFile(path);
    expect(second.kid).toBe(first.kid);
    expect(await readFile(path, "utf8")).toBe(stored);

    // A token signed before a "restart" verifies after it.
    const jwt = await new SignJWT({ sub: "alice@example.com" })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: first.kid })
      .sign(first.privateKey);
    const { payload } = await jwtVerify(jwt, second.publicKey);
    expect(payload.sub).toBe("alice@example.com");
  });

  it("names the variable when the file is not a key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "portal-key-"));
    const path = join(dir, "bad.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(path, "{}"));
    await expect(loadKeyFile(path)).rejects.toThrow(/CLI_TOKEN_KEY_FILE/);
  });
});
