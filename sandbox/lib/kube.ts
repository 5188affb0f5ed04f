// A small raw Kubernetes client for the sandbox's setup: server-side apply of arbitrary YAML.
// Why not KubernetesObjectApi.patch: for built-in groups it runs objects through the typed
// serializer, which drops fields whose JS names differ from the wire names (`default`, `enum`,
// `x-kubernetes-preserve-unknown-fields` in CRD schemas), so CRDs would be applied mangled.
import { request } from "node:https";
import { KubeConfig, type KubernetesObject } from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";

export const FIELD_MANAGER = "kube-bind-portal-sandbox";

export class KubeError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: number; status?: number } | null)?.code ?? (error as { status?: number })?.status;
  return code === 404;
}

export function loadKubeConfig(file: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}

export function parseManifests(text: string): KubernetesObject[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as KubernetesObject | null)
    .filter((obj): obj is KubernetesObject => Boolean(obj?.kind));
}

interface ResourceInfo {
  name: string;
  namespaced: boolean;
}

export class RawClient {
  private readonly discovery = new Map<string, Map<string, ResourceInfo>>();
  constructor(readonly kc: KubeConfig) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    contentType = "application/json",
  ): Promise<T> {
    const server = this.kc.getCurrentCluster()?.server;
    if (!server) throw new Error("kubeconfig has no current cluster");
    const opts: Parameters<typeof request>[1] = { method, headers: {} };
    await this.kc.applyToHTTPSOptions(opts);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    opts.headers = { ...opts.headers, accept: "application/json", ...(payload ? { "content-type": contentType } : {}) };
    return new Promise<T>((resolve, reject) => {
      const req = request(new URL(path, server), opts, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: { reason?: string; message?: string } = {};
          try {
            parsed = text ? JSON.parse(text) : {};
          } catch {
            parsed = { message: text };
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(parsed as T);
          else
            reject(
              new KubeError(status, parsed.reason ?? "", `${method} ${path}: ${status} ${parsed.message ?? text}`),
            );
        });
      });
      req.on("error", reject);
      req.end(payload);
    });
  }

  private async resource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    for (const refresh of [false, true]) {
      if (refresh || !this.discovery.has(apiVersion)) {
        const base = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
        const list = await this.request<{ resources: { name: string; kind: string; namespaced: boolean }[] }>(
          "GET",
          base,
        ).catch((error) => {
          if (isNotFound(error)) return { resources: [] };
          throw error;
        });
        const byKind = new Map<string, ResourceInfo>();
        for (const r of list.resources) if (!r.name.includes("/")) byKind.set(r.kind, r);
        this.discovery.set(apiVersion, byKind);
      }
      const found = this.discovery.get(apiVersion)?.get(kind);
      if (found) return found;
    }
    throw new Error(`the API server does not serve ${kind} in ${apiVersion} (yet)`);
  }

  /** The REST path of an object (or of its collection when it has no name). */
  async path(obj: KubernetesObject): Promise<string> {
    if (!obj.apiVersion || !obj.kind) throw new Error("object needs apiVersion and kind");
    const info = await this.resource(obj.apiVersion, obj.kind);
    const base = obj.apiVersion.includes("/") ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion}`;
    const ns = info.namespaced ? `/namespaces/${obj.metadata?.namespace ?? "default"}` : "";
    const name = obj.metadata?.name ? `/${encodeURIComponent(obj.metadata.name)}` : "";
    return `${base}${ns}/${info.name}${name}`;
  }

  /** Server-side apply, forcing ownership: the sandbox is the source of truth for its setup. */
  async apply<T extends KubernetesObject>(obj: KubernetesObject): Promise<T> {
    const { status: _status, ...desired } = obj as KubernetesObject & { status?: unknown };
    const path = `${await this.path(desired)}?fieldManager=${FIELD_MANAGER}&force=true`;
    return this.request<T>("PATCH", path, desired, "application/apply-patch+yaml");
  }

  async applyAll(objects: KubernetesObject[]): Promise<void> {
    // Namespaces and CRDs first, so that later documents can land in them.
    const rank = (o: KubernetesObject) => (o.kind === "Namespace" ? 0 : o.kind === "CustomResourceDefinition" ? 1 : 2);
    const sorted = [...objects].sort((a, b) => rank(a) - rank(b));
    for (const group of [0, 1, 2]) {
      await Promise.all(sorted.filter((o) => rank(o) === group).map((o) => this.apply(o)));
    }
  }

  async get<T = KubernetesObject>(obj: KubernetesObject): Promise<T | undefined> {
    try {
      return await this.request<T>("GET", await this.path(obj));
    } catch (error) {
      if (error instanceof KubeError && error.status === 404) return undefined;
      throw error;
    }
  }

  async mergePatch(obj: KubernetesObject, patch: unknown): Promise<void> {
    await this.request("PATCH", await this.path(obj), patch, "application/merge-patch+json");
  }
}

export function isEstablished(crd: unknown): boolean {
  const conditions = (crd as { status?: { conditions?: { type: string; status: string }[] } } | undefined)?.status
    ?.conditions;
  return Boolean(conditions?.some((c) => c.type === "Established" && c.status === "True"));
}
