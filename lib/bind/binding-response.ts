import type { ExportTemplate } from "../catalog/templates";
import { KUBE_BIND_API_VERSION } from "./protocol";

/** The BindingResponse the CLI turns into a Secret, an APIServiceExportRequest and a binding. */
export function bindingResponse(opts: {
  template: ExportTemplate;
  requestName: string;
  kubeconfig: string;
  sessionId: string;
  issuer: string;
  subject: string;
  providerNamespace: string;
}) {
  const spec = opts.template.spec as Record<string, unknown>;
  return {
    kind: "BindingResponse",
    apiVersion: KUBE_BIND_API_VERSION,
    authentication: { oauth2CodeGrant: { sid: opts.sessionId, id: `${opts.issuer}/${opts.subject}` } },
    kubeconfig: Buffer.from(opts.kubeconfig, "utf8").toString("base64"),
    providerNamespace: opts.providerNamespace,
    bindingName: opts.requestName,
    requests: [
      {
        kind: "APIServiceExportRequest",
        apiVersion: KUBE_BIND_API_VERSION,
        metadata: { name: opts.requestName },
        spec: {
          resources: spec.resources ?? [],
          permissionClaims: spec.permissionClaims ?? [],
          ...(spec.namespaces ? { namespaces: spec.namespaces } : {}),
        },
        status: {},
      },
    ],
  };
}
