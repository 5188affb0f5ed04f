// Splits a watch response (newline-delimited JSON, arriving in arbitrary chunks) into events.

export interface RawWatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: Record<string, unknown>;
}

/** Yields one event per complete line; a multi-byte character split across chunks stays intact. */
export async function* watchLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawWatchEvent> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of chunks) {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) yield JSON.parse(line) as RawWatchEvent;
      newline = pending.indexOf("\n");
    }
  }
  // The apiserver ends every event with a newline: a trailing fragment is a cut-off event.
}
