import type { LoadBalancerView } from "@/lib/live/types";
import { requestPath } from "@/lib/loadbalancer/request-path";
import { ObjectTree } from "./object-tree";
import { RequestPathDiagram } from "./request-path-diagram";

/** The Objects tab: the request path as a diagram, then every object on both clusters. */
export function ObjectsTab({ view }: { view: LoadBalancerView }) {
  const nodes = requestPath({
    status: view.status,
    spec: view.objects.consumer.loadBalancer?.spec,
    provider: view.objects.provider,
  });
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="path-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="path-heading" className="text-lg font-semibold">
            Request path
          </h2>
          <p className="text-sm text-muted">
            How a request for your domain reaches your Service, hop by hop, on the provider cluster.
          </p>
        </div>
        <RequestPathDiagram nodes={nodes} />
      </section>
      <section aria-labelledby="tree-heading" className="flex flex-col gap-3">
        <h2 id="tree-heading" className="text-lg font-semibold">
          Objects on both clusters
        </h2>
        <ObjectTree view={view} />
      </section>
    </div>
  );
}
