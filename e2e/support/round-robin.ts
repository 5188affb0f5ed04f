import { createServer, request } from "node:http";

export interface Forwarded {
  replica: number;
  method: string;
  path: string;
  /** an action call of the App Router (a POST carrying `next-action`) */
  action: boolean;
}

/**
 * A load balancer in front of several portal replicas: each request goes to the next one in turn,
 * so a flow only works if the replicas share everything through the clusters. Records where each
 * request went, for tests that need "this stream on one replica, that write on another".
 */
export async function roundRobin(listenUrl: string, replicaUrls: string[]) {
  const log: Forwarded[] = [];
  let next = 0;
  let actionsAvoid: number | undefined;
  const server = createServer((req, res) => {
    const isAction = req.method === "POST" && req.headers["next-action"] !== undefined;
    let replica = next;
    if (isAction && replica === actionsAvoid) replica = (replica + 1) % replicaUrls.length;
    next = (replica + 1) % replicaUrls.length;
    const target = new URL(req.url ?? "/", replicaUrls[replica]);
    log.push({
      replica,
      method: req.method ?? "GET",
      path: target.pathname,
      action: isAction,
    });
    // Host is kept, as a reverse proxy does: the replicas see the public address.
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  const { hostname, port } = new URL(listenUrl);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), hostname, resolve);
  });
  return {
    url: listenUrl,
    log,
    /** Sends action calls to any replica but this one (a write "through another replica"). */
    avoidForActions(replica: number | undefined) {
      actionsAvoid = replica;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
