// The commands and YAML that fix each failed setup step (isomorphic strings). The YAML is the
// guide's, with the one change current kro needs (the RGD's status.address as an expression) and
// a ReferenceGrant that names the one target Service; a unit test holds LOADBALANCER_RGD_YAML to
// the sandbox's own manifest.
import type { Fix } from "./types";

/** The RGD's status.address as current kro needs it: an expression (CEL) reading the Gateway. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a kro CEL expression, not a JS template
export const ADDRESS_EXPRESSION = "${gateway.status.addresses[0].value}";

const applyYaml = (yaml: string) => `kubectl apply -f - <<'EOF'\n${yaml.trimEnd()}\nEOF`;

/** The start of one of the RGD's Gateway API templates, down to its `spec:`. */
const head = (id: string, version: string, kind: string, name: string, namespace = `\${schema.metadata.namespace}`) =>
  `    - id: ${id}
      template:
        apiVersion: gateway.networking.k8s.io/${version}
        kind: ${kind}
        metadata:
          name: ${name}
          namespace: ${namespace}
        spec:`;

const GRANT_NAME = `\${schema.metadata.namespace}-\${schema.metadata.name}-grant`;

export const LOADBALANCER_RGD_YAML = `apiVersion: kro.run/v1alpha1
kind: ResourceGraphDefinition
metadata:
  name: loadbalancers
spec:
  schema:
    apiVersion: v1alpha1
    kind: LoadBalancer
    group: networking.kro.run
    spec:
      domain: string
      configMapRef: string
      targetService: string
      targetServiceNamespace: string
      targetPort: integer | default=8080
    status:
      address: \${gateway.status.addresses[0].value}
  resources:
    - id: configmap
      externalRef:
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: \${schema.spec.configMapRef}
          namespace: \${schema.metadata.namespace}
${head("referencegrant", "v1beta1", "ReferenceGrant", GRANT_NAME, `\${schema.spec.targetServiceNamespace}`)}
          from:
            - group: gateway.networking.k8s.io
              kind: HTTPRoute
              namespace: \${schema.metadata.namespace}
          to:
            - group: ""
              kind: Service
              name: \${schema.spec.targetService}
${head("gateway", "v1", "Gateway", `\${schema.metadata.name}-gw`)}
          gatewayClassName: eg
          listeners:
            - name: http
              port: 80
              protocol: HTTP
              hostname: \${schema.spec.domain}
${head("route", "v1", "HTTPRoute", `\${schema.metadata.name}-route`)}
          parentRefs:
            - name: \${schema.metadata.name}-gw
          hostnames:
            - \${schema.spec.domain}
          rules:
            - backendRefs:
                - name: \${schema.spec.targetService}
                  namespace: \${schema.spec.targetServiceNamespace}
                  port: \${schema.spec.targetPort}
              filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier:
                    add:
                      - name: X-Custom-Message
                        value: \${configmap.?data["custom-header"].orValue("none")}
`;

export const EXPORT_TEMPLATE_YAML = `apiVersion: kube-bind.io/v1alpha2
kind: APIServiceExportTemplate
metadata:
  name: loadbalancer
spec:
  resources:
    - group: networking.kro.run
      resource: loadbalancers
      versions:
        - v1alpha1
  permissionClaims:
    - group: ""
      resource: configmaps
      selector:
        references:
          - resource: loadbalancers
            group: networking.kro.run
            jsonPath:
              name: "spec.configMapRef"
  scope: Namespaced
`;

const gatewayClassYaml = (name: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: ${name}
spec:
  controllerName: gateway.envoyproxy.io/gatewayclass-controller
`;

const backendYaml = (namespace: string, name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  clusterIP: None
  ports:
    - port: 30080
      targetPort: 30080
      protocol: TCP
      name: http
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    kubernetes.io/service-name: ${name}
addressType: IPv4
ports:
  - name: http
    port: 30080
    protocol: TCP
endpoints:
  - addresses:
      - \${CONSUMER_NODE_IP}
    conditions:
      ready: true
`;

export const FIX = {
  kubeBindCrds: (missing: string[]): Fix => ({
    text: `Apply the CRDs of kube-bind's release (its crds/ folder) to the provider; missing or outdated: ${missing.join(", ")}.`,
    command: "kubectl apply --server-side --force-conflicts -f crds/",
  }),
  backendNotRunning: {
    text: "Start kube-bind's backend against the provider with its front end disabled (this portal is its front end), then check its log.",
    command:
      'backend --frontend-disabled --namespace-prefix=kube-bind- --pretty-name="kube-bind portal" --consumer-scope=Namespaced',
  } satisfies Fix,
  backendStuck: {
    text: "kube-bind's backend answers these within seconds when it runs: check that it runs and read its log.",
    command: "kubectl get apiserviceexportrequests -A\nkubectl get bindableresourcesrequests -A",
  } satisfies Fix,
  installKro: {
    text: "Install kro on the provider.",
    command:
      "helm install kro oci://registry.k8s.io/kro/charts/kro \\\n  --namespace kro-system \\\n  --create-namespace",
  } satisfies Fix,
  applyRgd: {
    text: "Apply the LoadBalancer ResourceGraphDefinition (the guide's, with status.address as an expression).",
    yaml: applyYaml(LOADBALANCER_RGD_YAML),
  } satisfies Fix,
  kroStalled: {
    text: "kro has not processed the RGD's latest change: check that kro runs and read its log.",
    command: "kubectl -n kro-system get pods\nkubectl -n kro-system logs -l app.kubernetes.io/name=kro --tail=50",
  } satisfies Fix,
  exportLabel: (crd: string): Fix => ({
    text: `Label the CRD so that kube-bind's backend serves it (its schema source is every CRD labelled kube-bind.io/exported=true).`,
    command: `kubectl label crd ${crd} kube-bind.io/exported=true --overwrite`,
  }),
  applyTemplate: {
    text: "Create the APIServiceExportTemplate that exports LoadBalancers and claims the ConfigMaps they reference.",
    yaml: applyYaml(EXPORT_TEMPLATE_YAML),
  } satisfies Fix,
  gatewayClass: (name: string): Fix => ({
    text: `Create the GatewayClass ${name}, managed by Envoy Gateway.`,
    yaml: applyYaml(gatewayClassYaml(name)),
  }),
  envoyGateway: {
    text: "Install (or restart) Envoy Gateway; it accepts GatewayClasses that name its controller.",
    command:
      "helm install eg oci://docker.io/envoyproxy/gateway-helm --version v1.6.1 -n envoy-gateway-system --create-namespace",
  } satisfies Fix,
  backendService: (namespace: string, name: string): Fix => ({
    text: "Create the Service and EndpointSlice that reach the consumer's backend (export CONSUMER_NODE_IP first, as the guide says).",
    yaml: applyYaml(backendYaml(namespace, name)).replace("<<'EOF'", "<<EOF"),
  }),
  scaleKonnector: (namespace: string, name: string): Fix => ({
    text: "Start the konnector again on the consumer cluster (as that cluster's admin).",
    command: `kubectl -n ${namespace} scale deployment ${name} --replicas=2`,
  }),
  konnectorLogs: {
    text: "On the consumer cluster, check the konnector (kubectl bind deploys it to kube-bind/konnector) and its log.",
    command: "kubectl -n kube-bind get deployment konnector\nkubectl -n kube-bind logs deployment/konnector --tail=50",
  } satisfies Fix,
  bindAgain: {
    text: "Bind again from the consumer cluster: the konnector starts and reports.",
    command: "kubectl bind",
  } satisfies Fix,
};
