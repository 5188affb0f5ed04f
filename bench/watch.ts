// The baseline client: a raw streaming watch (undici, ?watch=true) straight at an apiserver, read
// exactly like the SSE client (chunk arrival time, plain text), so the two are compared fairly.
import type { ClusterConnection } from "../lib/k8s/connection";
import { openRequest } from "../lib/k8s/request";
import { PORTAL, type ResourceRef } from "../lib/k8s/types";

export interface DirectWatch {
  close(): void;
}

/**
 * Watches one object by name from `resourceVersion` (none: the apiserver first sends the object
 * as it is now); `onLine` gets each event line.
 */
export async function directWatch(
  conn: ClusterConnection,
  ref: ResourceRef & { namespace: string; name: string },
  resourceVersion: string | undefined,
  onLine: (line: string, at: number) => void,
): Promise<DirectWatch> {
  const ctrl = new AbortController();
  const { name, ...collection } = ref;
  const res = await openRequest(conn, PORTAL, {
    verb: "watch",
    ref: collection,
    query: { fieldSelector: `metadata.name=${name}`, resourceVersion, timeoutSeconds: 1800 },
    signal: ctrl.signal,
  });
  if (res.statusCode !== 200) throw new Error(`direct watch: HTTP ${res.statusCode} ${await res.body.text()}`);
  void (async () => {
    const decoder = new TextDecoder();
    let pending = "";
    try {
      for await (const chunk of res.body) {
        const at = performance.now();
        pending += decoder.decode(chunk as Uint8Array, { stream: true });
        let newline = pending.indexOf("\n");
        while (newline >= 0) {
          onLine(pending.slice(0, newline), at);
          pending = pending.slice(newline + 1);
          newline = pending.indexOf("\n");
        }
      }
    } catch {
      // closed
    }
  })();
  return { close: () => ctrl.abort() };
}
