// The fan-out phase's viewers: thousands of SSE streams read as raw bytes off a socket, with no
// HTTP client library and no SSE parsing. The measure is the portal's fan-out, so a viewer must
// cost the bench far less than it costs the portal: every viewer's chunks are searched for the
// markers as they arrive, timed on arrival.
import { connect } from "node:net";

export interface RawViewer {
  /** performance.now() when the first `view` event arrived */
  firstViewAt: number;
  close(): void;
}

/** The longest marker searched for: this much of a chunk is kept, so a marker split across two is found. */
const TAIL = 256;

/**
 * Opens `url` with `cookie` and resolves once the first view arrived (rejects on another status,
 * a closed connection or after `timeoutMs`). `onText` gets every chunk (after the headers), with
 * the end of the one before, and its arrival time.
 */
export function openRawViewer(
  url: string,
  cookie: string,
  onText: (text: string, at: number) => void,
  timeoutMs: number,
): Promise<RawViewer> {
  const u = new URL(url);
  const socket = connect({ host: u.hostname, port: Number(u.port), noDelay: true });
  socket.write(
    `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nCookie: ${cookie}\r\nAccept: text/event-stream\r\n\r\n`,
  );
  const close = () => socket.destroy();
  return new Promise((resolve, reject) => {
    let head: string | undefined = "";
    let tail = "";
    let opened = false;
    const fail = (e: Error) => {
      clearTimeout(timer);
      close();
      reject(e);
    };
    const timer = setTimeout(() => fail(new Error(`no view on ${u.search} within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      const at = performance.now();
      // The markers and SSE field names are ASCII: latin1 decodes them 1:1 and fastest.
      let text = chunk.toString("latin1");
      if (head !== undefined) {
        head += text;
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        const status = head.slice(9, 12);
        if (status !== "200")
          return fail(new Error(`GET ${u.pathname}${u.search}: HTTP ${status} ${head.slice(0, 300)}`));
        text = head.slice(end + 4);
        head = undefined;
      }
      const seen = tail + text;
      if (!opened && seen.includes("event: view")) {
        opened = true;
        clearTimeout(timer);
        resolve({ firstViewAt: at, close });
      }
      onText(seen, at);
      tail = seen.slice(-TAIL);
    });
    socket.on("error", (e) => fail(e));
    socket.on("close", () => fail(new Error(`GET ${u.pathname}${u.search}: the connection closed`)));
  });
}
