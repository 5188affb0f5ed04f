import type { LoadBalancerView } from "@/lib/live/types";
import { ObjectNode } from "./object-node";

type Obj = { status?: Record<string, unknown>; metadata?: { annotations?: Record<string, string> } } | undefined;

const condition = (o: unknown, type: string) =>
  ((o as Obj)?.status?.conditions as { type: string; status: string }[] | undefined)?.find((c) => c.type === type)
    ?.status;

function gatewayNote(gw: unknown): string | undefined {
  const addresses = ((gw as Obj)?.status?.addresses as { value?: string }[] | undefined)?.map((a) => a.value);
  const parts = [`Accepted ${condition(gw, "Accepted") ?? "?"}`, `Programmed ${condition(gw, "Programmed") ?? "?"}`];
  if (addresses?.length) parts.push(`address ${addresses.join(", ")}`);
  return parts.join(", ");
}

function serviceNote(svc: unknown): string | undefined {
  const lb = (svc as Obj)?.status?.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] } | undefined;
  const ingress = lb?.ingress?.map((i) => i.ip ?? i.hostname).filter(Boolean);
  return ingress?.length ? `ingress ${ingress.join(", ")}` : "no external address yet";
}

function routeNote(route: unknown): string | undefined {
  const parents = (route as Obj)?.status?.parents as { conditions?: { type: string; status: string }[] }[] | undefined;
  const first = parents?.[0]?.conditions;
  if (!first) return "no controller has reported on it yet";
  const get = (t: string) => first.find((c) => c.type === t)?.status ?? "?";
  return `Accepted ${get("Accepted")}, ResolvedRefs ${get("ResolvedRefs")}`;
}

/**
 * Your objects, then what the provider holds for them: the konnector's copy of the LoadBalancer
 * with kro's ReferenceGrant, Gateway (and Envoy Gateway's proxy Service) and HTTPRoute.
 */
export function ObjectTree({ view }: { view: LoadBalancerView }) {
  const { consumer, provider } = view.objects;
  const state = (o: unknown) => (o as Obj)?.status?.state as string | undefined;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="mb-2 font-medium">On your cluster</h3>
        <ul className="flex flex-col gap-2">
          <ObjectNode
            obj={consumer.loadBalancer}
            kind="LoadBalancer"
            missing="not found"
            note={state(consumer.loadBalancer)}
          />
          <ObjectNode obj={consumer.configMap} kind="ConfigMap" missing="not found or not readable by you" />
        </ul>
      </div>
      <div>
        <h3 className="mb-2 font-medium">On the provider cluster</h3>
        <ul className="flex flex-col gap-2">
          <ObjectNode
            obj={provider.loadBalancer}
            kind="LoadBalancer"
            missing="not copied to the provider yet"
            note={provider.loadBalancer ? `copy, state ${state(provider.loadBalancer) ?? "not reported"}` : undefined}
          >
            <ObjectNode obj={provider.configMap} kind="ConfigMap" missing="settings not copied yet" />
            <ObjectNode obj={provider.referenceGrant} kind="ReferenceGrant" missing="not created yet" />
            <ObjectNode
              obj={provider.gateway}
              kind="Gateway"
              missing="not created yet"
              note={provider.gateway ? gatewayNote(provider.gateway) : undefined}
            >
              <ObjectNode
                obj={provider.envoyService}
                kind="Service"
                missing="Envoy proxy Service not created yet"
                note={provider.envoyService ? `Envoy proxy, ${serviceNote(provider.envoyService)}` : undefined}
              />
            </ObjectNode>
            <ObjectNode
              obj={provider.httpRoute}
              kind="HTTPRoute"
              missing="not created yet"
              note={provider.httpRoute ? routeNote(provider.httpRoute) : undefined}
            />
          </ObjectNode>
        </ul>
      </div>
    </div>
  );
}
