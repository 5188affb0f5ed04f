import type { AddressInfo } from "node:net";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startOidcProvider } from "../../test-support/oidc";
import { probeOidcDiscovery } from "./oidc-probe";

/** A port nothing listens on: bound once to learn a free port, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const sockets: Socket[] = [];
let silent: Server | undefined;
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => (silent ? silent.close(() => r()) : r()));
});

describe("probeOidcDiscovery", () => {
  it("passes while a real identity provider answers and fails as soon as it is stopped", async () => {
    const idp = await startOidcProvider({ portalUrls: ["http://127.0.0.1:39998"] });
    await expect(probeOidcDiscovery(idp.issuer)).resolves.toBeUndefined();
    await idp.stop();
    // The same issuer, probed again: no cached answer keeps it "ready".
    await expect(probeOidcDiscovery(idp.issuer)).rejects.toThrow(/the issuer is unreachable/);
  });

  it("fails for an issuer on a closed port", async () => {
    await expect(probeOidcDiscovery(`http://127.0.0.1:${await closedPort()}`)).rejects.toThrow(/unreachable/);
  });

  it("fails for an issuer that accepts connections but never answers", async () => {
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((r) => silent?.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as AddressInfo;
    await expect(probeOidcDiscovery(`http://127.0.0.1:${port}`, 500)).rejects.toThrow(/did not answer within 500 ms/);
  });

  it("fails for a discovery document that names another issuer", async () => {
    const idp = await startOidcProvider({ portalUrls: ["http://127.0.0.1:39998"] });
    try {
      await expect(probeOidcDiscovery(idp.issuer.replace("127.0.0.1", "localhost"))).rejects.toThrow(
        /names another issuer/,
      );
    } finally {
      await idp.stop();
    }
  });
});
