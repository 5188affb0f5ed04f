// The LoadBalancer export's extra help on top of the generated form: what each field means for
// the load balancer kro builds, and the rules kro's children need but the CRD does not state
// (kro cannot build the Gateway and HTTPRoute without every field, so all are required here).
import { type FormModel, formModel } from "../forms/form-model";
import { type FormHints, withHints } from "../forms/hints";
import type { KindSchema } from "../forms/json-schema";

export const CUSTOM_HEADER_KEY = "custom-header";

export const LOADBALANCER_HINTS: FormHints = {
  order: ["spec.domain", "spec.targetService", "spec.targetServiceNamespace", "spec.targetPort", "spec.configMapRef"],
  fields: {
    "spec.domain": {
      label: "Domain",
      help: "The hostname clients will use, e.g. www.example.com. The load balancer accepts requests for this name only.",
      placeholder: "www.example.com",
      rule: "hostname",
      required: true,
    },
    "spec.targetService": {
      label: "Target Service",
      help: "The Service that receives the traffic. The provider reaches it by this name through the multi-cluster network.",
      rule: "dns1035-label",
      required: true,
      widget: "service",
    },
    "spec.targetServiceNamespace": {
      label: "Target Service namespace",
      help: "The namespace of the target Service.",
      rule: "dns1123-label",
      required: true,
      widget: "service",
    },
    "spec.targetPort": {
      label: "Target port",
      help: "The port of the target Service that receives the traffic.",
      rule: "port",
      required: true,
    },
    "spec.configMapRef": {
      label: "ConfigMap with settings",
      help: `A ConfigMap in the LoadBalancer's namespace. Its "${CUSTOM_HEADER_KEY}" value is added to every request as the X-Custom-Message header.`,
      rule: "dns1123-subdomain",
      required: true,
      widget: "configmap",
    },
  },
};

/** The form model of the LoadBalancer kind the consumer serves, with the export's extra help. */
export function loadBalancerModel(kind: KindSchema): FormModel {
  return withHints(formModel(kind), LOADBALANCER_HINTS);
}
