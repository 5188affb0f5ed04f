import "server-only";
import { mayBindOnConsumer } from "../bind/konnector-deploy";
import { APIS } from "../k8s/apis";
import { userClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { Identity } from "../k8s/types";
import { settled } from "../result";
import { type KonnectorHealth, konnectorHealth } from "../status";
import type { RawObject } from "../status/types";
import { type BindState, bindState } from "./bind-state";
import type { ExportTemplate } from "./templates";

export interface ExportBinding {
  state: BindState;
  /** the consumer's konnector, when the user may read its Deployment */
  konnector?: KonnectorHealth;
}

const forbidden = (e: unknown) => e instanceof KubeError && (e.forbidden || e.notFound);

/**
 * What the catalog shows beside each export: read as the user from the consumer cluster
 * (discovery, APIServiceBindings, the konnector Deployment). What the user may not read stays
 * unknown rather than failing the page.
 */
export async function readBindStates(
  identity: Identity,
  exports: ExportTemplate[] | Promise<ExportTemplate[]>,
): Promise<Record<string, ExportBinding>> {
  const consumer = await userClient("consumer", identity);
  // What does not depend on the exports is asked while they are still being read.
  const consumerSide = settled(
    Promise.all([
      consumer.list(APIS.apiServiceBindings).then(
        (l) => l.items as unknown[],
        (e) => {
          if (forbidden(e)) return "forbidden" as const;
          throw e;
        },
      ),
      consumer.get({ ...APIS.deployments, namespace: "kube-bind", name: "konnector" }).then(
        (d): RawObject | null | undefined => d as unknown as RawObject,
        (e) => {
          if (e instanceof KubeError && e.notFound) return null;
          if (e instanceof KubeError && e.forbidden) return undefined;
          throw e;
        },
      ),
      mayBindOnConsumer(consumer).catch((e) => {
        if (forbidden(e)) return false;
        throw e;
      }),
    ]),
  );
  const templates = await exports;
  const groupVersions = new Set(
    templates.flatMap((t) => t.spec.resources.flatMap((r) => (r.versions ?? []).map((v) => `${r.group}/${v}`))),
  );
  const served = new Set<string>();
  await Promise.all(
    [...groupVersions].map(async (gv) => {
      const [group, version] = gv.split("/");
      for (const r of (await consumer.served(group, version)) ?? []) served.add(`${group}/${r.name}`);
    }),
  );
  const [bindings, konnector, mayBind] = await consumerSide;
  const now = Date.now();
  return Object.fromEntries(
    templates.map((t) => {
      const state = bindState(t, { served, bindings, mayBind });
      const health =
        state.state === "bound" && konnector !== undefined ? konnectorHealth({ konnector, now }) : undefined;
      return [t.metadata.name, { state, konnector: health }];
    }),
  );
}
