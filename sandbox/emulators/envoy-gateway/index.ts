// Envoy Gateway emulator for the sandbox: control plane (GatewayClass/Gateway/HTTPRoute status,
// proxy Service in envoy-gateway-system) and data plane (loopback HTTP proxies). See
// data-plane.ts for how Gateways get addresses and infra.ts for what is and is not created.
import { CoreV1Api, CustomObjectsApi, DiscoveryV1Api, KubeConfig } from "@kubernetes/client-node";
import { z } from "zod";
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
  const kc = new KubeConfig();
  kc.loadFromFile(o.kubeconfigPath);
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const discovery = kc.makeApiClient(DiscoveryV1Api);

  let controller: Controller | undefined;
  const caches = new Caches(kc, { core, custom, discovery }, () => controller?.schedule(), log);
  const dataPlane = new DataPlane({
    snapshot: () => caches.snapshot(),
    gateway: (key) => caches.snapshot().gateways.find((g) => `${g.metadata.namespace}/${g.metadata.name}` === key),
    log,
  });
  controller = new Controller({ core, custom, caches, dataPlane, log });
  await caches.start();
  controller.schedule(0);
  log("started");

  return {
    async stop() {
      await controller?.stop();
      await caches.stop();
      await dataPlane.stop();
      log("stopped");
    },
  };
}
