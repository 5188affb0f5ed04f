// A small untyped Kubernetes REST client (node:https + KubeConfig credentials) with list/watch.
// Why not client-node's typed APIs: the emulator handles arbitrary CRDs and copies CRD schemas,
// and the typed serializer drops wire fields such as `x-kubernetes-preserve-unknown-fields`.
import { request } from "node:https";
import { KubeConfig } from "@kubernetes/client-node";

export type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata: Meta;
  [field: string]: unknown;
};
export interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
}
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}
export const statusOf = (e: unknown) => (e instanceof ApiError ? e.status : undefined);
export const isNotFound = (e: unknown) => statusOf(e) === 404;
export const isConflict = (e: unknown) => statusOf(e) === 409;

export interface Resource {
  group: string;
  version: string;
  plural: string;
}

/** REST path of a collection (namespace undefined = all namespaces / cluster-scoped) or object. */
export function resourcePath(r: Resource, namespace?: string, name?: string, subresource?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const obj = name ? `/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ""}` : "";
  return `${base}${ns}/${r.plural}${obj}`;
}

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: Obj & { code?: number; message?: string };
}

export class KubeClient {
  readonly server: string;
  /** the current context's namespace (for a kube-bind provider kubeconfig: the per-identity namespace) */
  readonly namespace: string | undefined;

  /** `fieldManager` names our writes in managedFields (upstream: "backend", "konnector"). */
  constructor(
    readonly kc: KubeConfig,
    readonly fieldManager = "kube-bind-emulator",
  ) {
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new Error("kubeconfig has no current cluster");
    this.server = server;
    this.namespace = kc.getContextObject(kc.getCurrentContext())?.namespace;
  }

  /** From a kubeconfig file path or the kubeconfig's YAML text. */
  static load(fileOrText: string, fieldManager?: string): KubeClient {
    const kc = new KubeConfig();
    if (/\n|apiVersion:/.test(fileOrText)) kc.loadFromString(fileOrText);
    else kc.loadFromFile(fileOrText);
    return new KubeClient(kc, fieldManager);
  }

  private async options(method: string, headers: Record<string, string>) {
    const opts: Parameters<typeof request>[1] = { method, headers: {} };
    await this.kc.applyToHTTPSOptions(opts);
    opts.headers = { ...opts.headers, accept: "application/json", "user-agent": this.fieldManager, ...headers };
    return opts;
  }

  async request<T = Obj>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const opts = await this.options(method, payload ? { "content-type": contentType } : {});
    const url = new URL(path, this.server);
    if (method !== "GET" && method !== "DELETE" && !url.searchParams.has("fieldManager"))
      url.searchParams.set("fieldManager", this.fieldManager);
    return new Promise<T>((resolve, reject) => {
      const req = request(url, opts, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: { reason?: string; message?: string } = {};
          try {
            parsed = text ? JSON.parse(text) : {};
          } catch {
            parsed = { message: text.split("\n")[0] };
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(parsed as T);
          else
            reject(new ApiError(status, parsed.reason ?? "", `${method} ${path}: ${status} ${parsed.message ?? ""}`));
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timed out`)));
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** The object, or undefined when it does not exist. */
  async get<T = Obj>(path: string): Promise<T | undefined> {
    try {
      return await this.request<T>("GET", path);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  list<T = Obj>(path: string, query = ""): Promise<{ items: T[]; metadata: { resourceVersion: string } }> {
    return this.request("GET", `${path}${query ? `?${query}` : ""}`);
  }

  create<T = Obj>(path: string, body: unknown): Promise<T> {
    return this.request("POST", path, body);
  }

  update<T = Obj>(path: string, body: unknown): Promise<T> {
    return this.request("PUT", path, body);
  }

  mergePatch<T = Obj>(path: string, patch: unknown): Promise<T> {
    return this.request("PATCH", path, patch, "application/merge-patch+json");
  }

  /** Server-side apply; `force` takes over fields other managers set (the konnector is authoritative). */
  apply<T = Obj>(path: string, body: unknown, force = true): Promise<T> {
    return this.request("PATCH", `${path}${force ? "?force=true" : ""}`, body, "application/apply-patch+yaml");
  }

  /** Deletes; a missing object counts as deleted. */
  async delete(path: string, body?: unknown): Promise<void> {
    try {
      await this.request("DELETE", path, body);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /**
   * Streams watch events of a collection from a resource version. `done` is called exactly once:
   * with no argument when the server ended the watch, or with the error. Returns an abort function.
   */
  watch(path: string, query: string, onEvent: (e: WatchEvent) => void, done: (err?: unknown) => void): () => void {
    let finished = false;
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      done(err);
    };
    let abort = () => finish();
    void this.options("GET", {})
      .then((opts) => {
        if (finished) return;
        const req = request(new URL(`${path}?watch=1&allowWatchBookmarks=true&${query}`, this.server), opts, (res) => {
          if ((res.statusCode ?? 0) >= 300) {
            res.resume();
            return finish(new ApiError(res.statusCode ?? 0, "", `watch ${path}: ${res.statusCode}`));
          }
          let buffer = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            buffer += chunk;
            for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
              const line = buffer.slice(0, i).trim();
              buffer = buffer.slice(i + 1);
              if (!line || finished) continue;
              try {
                onEvent(JSON.parse(line) as WatchEvent);
              } catch (e) {
                finish(e);
                req.destroy();
              }
            }
          });
          res.on("end", () => finish());
          res.on("error", finish);
        });
        req.on("error", finish);
        req.end();
        abort = () => {
          finish();
          req.destroy();
        };
      })
      .catch(finish);
    return () => abort();
  }
}
