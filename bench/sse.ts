// A minimal EventSource for Node: one streaming GET of /api/live, split into SSE messages.
// Each message carries the time its last chunk arrived, so a marker found later by a plain
// string search is timed as received, not as parsed.
import { Agent, request } from "undici";
import { type SseFrame, sseSplitter } from "../test-support/sse-frames";

export interface SseMessage {
  event: string;
  id?: string;
  data: string;
  /** performance.now() when the chunk completing this message arrived */
  at: number;
}

export interface SseClient {
  /** resolves when the stream ends (closed by either side) */
  ended: Promise<void>;
  /** messages received so far, by event name */
  counts: Map<string, number>;
  close(): void;
}

// Thousands of long-lived connections to one origin: a dedicated pool with no limit, one request
// per connection (no pipelining: a stream never ends to free it), no body timeout (heartbeats only).
export const sseAgent = new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 1_000, bodyTimeout: 0 });

/** Opens the stream; throws when the portal refuses it (status and body in the message). */
export async function openSse(
  url: string,
  cookie: string,
  onMessage: (m: SseMessage) => void,
  timeoutMs = 30_000,
): Promise<SseClient> {
  const ctrl = new AbortController();
  const res = await request(url, {
    headers: { cookie, accept: "text/event-stream" },
    dispatcher: sseAgent,
    signal: ctrl.signal,
    headersTimeout: timeoutMs,
    bodyTimeout: 0,
  });
  if (res.statusCode !== 200 || !String(res.headers["content-type"]).startsWith("text/event-stream")) {
    const body = await res.body.text().catch(() => "");
    throw new Error(`GET ${new URL(url).pathname}${new URL(url).search}: HTTP ${res.statusCode} ${body.slice(0, 300)}`);
  }
  const counts = new Map<string, number>();
  const ended = (async () => {
    const split = sseSplitter();
    try {
      for await (const chunk of res.body) {
        const at = performance.now();
        for (const frame of split(chunk as Uint8Array)) {
          const m = toMessage(frame, at);
          if (m) {
            counts.set(m.event, (counts.get(m.event) ?? 0) + 1);
            onMessage(m);
          }
        }
      }
    } catch {
      // aborted by close() or the portal went away: the stream simply ends
    }
  })();
  return { ended, counts, close: () => ctrl.abort() };
}

/** One frame → message; comment-only frames (": hb" heartbeats) count as "heartbeat". */
function toMessage(f: SseFrame, at: number): SseMessage | undefined {
  if (f.data === undefined) return f.comment === undefined ? undefined : { event: "heartbeat", data: "", at };
  return { event: f.event ?? "message", id: f.id, data: f.data, at };
}

/** Opens a stream and waits for its first `view` (the snapshot); every message also goes to `onMessage`. */
export async function openLive(
  url: string,
  cookie: string,
  onMessage: (m: SseMessage) => void,
  timeoutMs = 60_000,
): Promise<SseClient & { firstView: SseMessage }> {
  let resolveFirst: (m: SseMessage) => void = () => {};
  const first = new Promise<SseMessage>((resolve) => {
    resolveFirst = resolve;
  });
  const client = await openSse(
    url,
    cookie,
    (m) => {
      if (m.event === "view") resolveFirst(m);
      onMessage(m);
    },
    timeoutMs,
  );
  let expire: (v: undefined) => void = () => {};
  const timeout = new Promise<undefined>((resolve) => {
    expire = resolve;
  });
  const timer = setTimeout(() => expire(undefined), timeoutMs);
  const firstView = await Promise.race([first, timeout, client.ended.then(() => undefined)]);
  clearTimeout(timer);
  if (!firstView) {
    client.close();
    throw new Error(`no view on ${new URL(url).search} within ${timeoutMs / 1000} s`);
  }
  return { ...client, firstView };
}
