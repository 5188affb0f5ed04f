// kube-bind's kinds (kube-bind.io/v1alpha2) on the provider.
import { z } from "zod";
import { Conditions, kind, Meta, part } from "./meta";

const Ref = z.looseObject({ group: z.string().optional(), resource: z.string() });
const NameRef = z.looseObject({ name: z.string().optional(), namespace: z.string().optional() });

export const ExportedResource = z.looseObject({
  group: z.string().default(""),
  resource: z.string(),
  versions: z.array(z.string()).optional(),
});

export const PermissionClaim = z.looseObject({
  group: z.string().default(""),
  resource: z.string(),
  selector: part({
    labelSelector: z.unknown().optional(),
    namedResources: z.array(NameRef.extend({ name: z.string() })).optional(),
    references: z.array(Ref.extend({ jsonPath: NameRef })).optional(),
  }),
});
export type PermissionClaim = z.infer<typeof PermissionClaim>;

const ExportSpec = z.looseObject({
  resources: z.array(ExportedResource).default([]),
  permissionClaims: z.array(PermissionClaim).default([]),
  scope: z.string().optional(),
});

export const ExportTemplate = kind({ spec: ExportSpec });
export type ExportTemplate = z.infer<typeof ExportTemplate>;

export const ServiceExport = kind({ spec: ExportSpec, status: part({ conditions: Conditions }) });
export type ServiceExport = z.infer<typeof ServiceExport>;

/** APIServiceExportRequests, and the BindableResourcesRequests the portal asks the backend with. */
export const Request = kind({
  status: part({ phase: z.string().optional(), terminalMessage: z.string().optional(), conditions: Conditions }),
});
export type Request = z.infer<typeof Request>;

/** A consumer's APIServiceBinding: what it binds, and who wrote it (the portal or kubectl bind). */
export const ApiServiceBinding = kind({
  metadata: Meta.extend({
    managedFields: z
      .array(z.looseObject({ manager: z.string().optional(), operation: z.string().optional() }))
      .optional(),
  }),
  status: part({
    boundSchemas: z.array(z.looseObject({ group: z.string(), resource: z.string() })).optional(),
    conditions: Conditions,
  }),
});
export type ApiServiceBinding = z.infer<typeof ApiServiceBinding>;

export const ServiceNamespace = kind({ status: part({ namespace: z.string().optional() }) });

/** A consumer's ClusterBinding: the konnector's heartbeat and version. */
export const ClusterBinding = kind({
  status: part({
    lastHeartbeatTime: z.string().optional(),
    heartbeatInterval: z.string().optional(),
    konnectorVersion: z.string().optional(),
    conditions: Conditions,
  }),
});
export type ClusterBinding = z.infer<typeof ClusterBinding>;
