import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback listener standing where `kubectl bind` listens for its callback: it records the
 * query of each request so tests can assert what the portal sent back.
 */
export async function cliCallback() {
  const received: URLSearchParams[] = [];
  const waiters: ((q: URLSearchParams) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://127.0.0.1").searchParams;
    received.push(query);
    for (const w of waiters.splice(0)) w(query);
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>callback</title><p>received</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    next(timeoutMs = 30_000): Promise<URLSearchParams> {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error("no callback received")), timeoutMs);
        waiters.push((q) => {
          clearTimeout(t);
          resolve(q);
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        // The browser keeps connections alive; the test is done with them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function decodeBindingResponse(value: string | null): Record<string, unknown> {
  if (!value) throw new Error("binding_response missing");
  expect4(value);
  return JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
}

function expect4(value: string) {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9_-]*={0,2}$/.test(value)) {
    throw new Error(`binding_response is not base64url with padding: ${value.slice(0, 40)}`);
  }
}
