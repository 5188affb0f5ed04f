// Envoy Gateway emulator for the sandbox: control plane (GatewayClass/Gateway/HTTPRoute status,
// proxy Service in envoy-gateway-system) and data plane (loopback HTTP proxies). See
// data-plane.ts for how Gateways get addresses and infra.ts for what is and is not created.
import { z } from "zod";
import { KubeClient } from "../../../lib/k8s/client";
import { ClusterConnection } from "../../../lib/k8s/connection";
import { PORTAL } from "../../../lib/k8s/types";
import { Controller } from "./controller";
import { DataPlane } from "./data-plane";
import { Caches } from "./informers";

export {
  CONTROLLER_NAME,
  CONTROLLER_NAMESPACE,
  DATA_PLANE_URL_ANNOTATION,
  envoyInfraName,
  proxyLabels,
} from "./naming";

const Options = z.object({
  kubeconfigPath: z.string().min(1),
  log: z.custom<(line: string) => void>((v) => typeof v === "function").optional(),
});
export type EnvoyGatewayEmulatorOptions = z.input<typeof Options>;

export interface EnvoyGatewayEmulator {
  stop(): Promise<void>;
}

export async function startEnvoyGatewayEmulator(options: EnvoyGatewayEmulatorOptions): Promise<EnvoyGatewayEmulator> {
  const o = Options.parse(options);
  const log = o.log ?? ((line: string) => console.error(`[envoy-gateway] ${line}`));
  // Watch failures are worth a line; the client's other lines (one per call) are not.
  const quiet = () => {};
  const say = (fields: object, message: string) => log(`${message} ${JSON.stringify(fields)}`);
  const conn = await ClusterConnection.open({
    name: "provider",
    kubeconfig: o.kubeconfigPath,
    log: { debug: quiet, info: quiet, warn: say, error: say },
  });
  const client = new KubeClient(conn, PORTAL);

  let controller: Controller | undefined;
  const caches = new Caches(conn, () => controller?.schedule(), log);
  const dataPlane = new DataPlane({
    snapshot: () => caches.snapshot(),
    gateway: (key) => caches.snapshot().gateways.find((g) => `${g.metadata.namespace}/${g.metadata.name}` === key),
    log,
  });
  controller = new Controller({ client, caches, dataPlane, log });
  await caches.start();
  controller.schedule(0);
  log("started");

  return {
    async stop() {
      await controller?.stop();
      caches.stop();
      await dataPlane.stop();
      await conn.close();
      log("stopped");
    },
  };
}
