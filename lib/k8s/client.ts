import { APIS } from "./apis";
import type { ClusterConnection } from "./connection";
import { KubeError } from "./errors";
import { kubeRequest } from "./request";
import type { Actor, KubeList, KubeObject, ResourceRef } from "./types";

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
}

export interface ApplyOptions extends WriteOptions {
  /** take over fields another manager owns (for tools that are the source of truth) */
  force?: boolean;
}

const FIELD_MANAGER = "kube-bind-portal";

type Named = ResourceRef & { name: string };

/** A typed client for one cluster, acting as one actor. Obtain it from lib/k8s/clusters. */
export class KubeClient {
  constructor(
    readonly conn: ClusterConnection,
    readonly actor: Actor,
  ) {}

  get cluster() {
    return this.conn.name;
  }

  /** A GET of a path no ResourceRef names: /readyz, /version, /apis. */
  getPath<T>(path: string): Promise<T> {
    return kubeRequest<T>(this.conn, this.actor, {
      verb: "get",
      ref: { group: "", version: "", resource: path },
      path,
    });
  }

  get<T extends KubeObject = KubeObject>(ref: Named): Promise<T> {
    return kubeRequest<T>(this.conn, this.actor, { verb: "get", ref });
  }

  list<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    query: { labelSelector?: string; fieldSelector?: string; limit?: number } = {},
  ): Promise<KubeList<T>> {
    return kubeRequest<KubeList<T>>(this.conn, this.actor, { verb: "list", ref, query });
  }

  create<T extends KubeObject = KubeObject>(ref: ResourceRef, body: unknown, opts: WriteOptions = {}) {
    return this.write<T>("create", ref, body, opts);
  }

  update<T extends KubeObject = KubeObject>(ref: Named, body: unknown, opts: WriteOptions = {}) {
    return this.write<T>("update", ref, body, opts);
  }

  /** Server-side apply: the caller owns the fields it sets; conflicts are reported unless forced. */
  apply<T extends KubeObject = KubeObject>(ref: Named, body: unknown, opts: ApplyOptions = {}) {
    const contentType = "application/apply-patch+yaml";
    return this.write<T>("patch", ref, body, opts, { contentType, force: opts.force || undefined });
  }

  mergePatch<T extends KubeObject = KubeObject>(ref: Named, patch: unknown, opts: WriteOptions = {}) {
    return this.write<T>("patch", ref, patch, opts);
  }

  private write<T>(
    verb: "create" | "update" | "patch",
    ref: ResourceRef,
    body: unknown,
    opts: WriteOptions,
    extra: { contentType?: string; force?: true } = {},
  ): Promise<T> {
    const query = { ...writeQuery(opts), force: extra.force };
    return kubeRequest<T>(this.conn, this.actor, { verb, ref, body, contentType: extra.contentType, query });
  }

  delete(ref: Named, opts: WriteOptions & { propagationPolicy?: string } = {}) {
    return kubeRequest<unknown>(this.conn, this.actor, {
      verb: "delete",
      ref,
      body: opts.propagationPolicy ? { propagationPolicy: opts.propagationPolicy } : undefined,
      query: { dryRun: opts.dryRun ? "All" : undefined },
    });
  }

  /** The resources a group version serves, or null when the cluster does not serve it. */
  async served(group: string, version: string): Promise<{ name: string; kind: string; namespaced: boolean }[] | null> {
    try {
      const list = await kubeRequest<{ resources: { name: string; kind: string; namespaced: boolean }[] }>(
        this.conn,
        this.actor,
        { verb: "get", ref: { group, version, resource: "" } },
      );
      return list.resources;
    } catch (e) {
      if (e instanceof KubeError && e.notFound) return null;
      throw e;
    }
  }

  /** Asks the apiserver whether this actor may do something (SelfSubjectAccessReview as the actor). */
  async can(attrs: {
    verb: string;
    group?: string;
    resource: string;
    namespace?: string;
    name?: string;
  }): Promise<boolean> {
    const review = await kubeRequest<{ status?: { allowed?: boolean } }>(this.conn, this.actor, {
      verb: "create",
      ref: APIS.selfSubjectAccessReviews,
      body: {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectAccessReview",
        spec: { resourceAttributes: { ...attrs, group: attrs.group ?? "" } },
      },
    });
    return review.status?.allowed === true;
  }
}

function writeQuery(opts: WriteOptions) {
  return { dryRun: opts.dryRun ? "All" : undefined, fieldManager: opts.fieldManager ?? FIELD_MANAGER };
}
