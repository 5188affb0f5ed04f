// The one SSE parser of the tests and the benchmarks: splits a byte stream into frames the way an
// EventSource does (blank line ends a frame, data lines joined with "\n", CR before LF ignored).

export interface SseFrame {
  event?: string;
  id?: string;
  data?: string;
  retry?: string;
  /** the frame's last comment line (": hb" heartbeats), without the colon */
  comment?: string;
}

/** A splitter that keeps partial frames between chunks: feed it chunks, get the frames they complete. */
export function sseSplitter() {
  const decoder = new TextDecoder();
  let buffer = "";
  return (chunk: Uint8Array): SseFrame[] => {
    buffer = (buffer + decoder.decode(chunk, { stream: true })).replaceAll("\r\n", "\n");
    const frames: SseFrame[] = [];
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      frames.push(parseSseFrame(buffer.slice(0, end)));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
    }
    return frames;
  };
}

export function parseSseFrame(block: string): SseFrame {
  const f: SseFrame = {};
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) {
      f.comment = line.slice(1).trim();
      continue;
    }
    const at = line.indexOf(":");
    const field = at < 0 ? line : line.slice(0, at);
    const value = at < 0 ? "" : line.slice(at + 1).replace(/^ /, "");
    if (field === "data") data.push(value);
    else if (field === "event" || field === "id" || field === "retry") f[field] = value;
  }
  if (data.length > 0) f.data = data.join("\n");
  return f;
}
