const MAX_BODY = 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads a request body of at most 1 MiB, counting bytes as they arrive (no trust in headers). */
export async function readLimitedBody(req: Request, limit = MAX_BODY): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw new BodyTooLargeError();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
