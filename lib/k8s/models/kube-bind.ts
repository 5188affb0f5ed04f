// kube-bind's kinds (kube-bind.io/v1alpha2) on the provider.
import { z } from "zod";
import { Conditions, Meta } from "./meta";

const Ref = z.object({ group: z.string().optional(), resource: z.string() }).loose();

export const ExportedResource = z
  .object({ group: z.string().default(""), resource: z.string(), versions: z.array(z.string()).optional() })
  .loose();

export const PermissionClaim = z
  .object({
    group: z.string().default(""),
    resource: z.string(),
    selector: z
      .object({
        labelSelector: z.unknown().optional(),
        namedResources: z.array(z.object({ name: z.string(), namespace: z.string().optional() }).loose()).optional(),
        references: z
          .array(
            Ref.extend({
              jsonPath: z.object({ name: z.string().optional(), namespace: z.string().optional() }).loose(),
            }),
          )
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type PermissionClaim = z.infer<typeof PermissionClaim>;

const ExportSpec = z
  .object({
    resources: z.array(ExportedResource).default([]),
    permissionClaims: z.array(PermissionClaim).default([]),
    scope: z.string().optional(),
  })
  .loose();

export const ExportTemplate = z.object({ metadata: Meta, spec: ExportSpec }).loose();
export type ExportTemplate = z.infer<typeof ExportTemplate>;

export const ServiceExport = z
  .object({ metadata: Meta, spec: ExportSpec, status: z.object({ conditions: Conditions }).loose().optional() })
  .loose();
export type ServiceExport = z.infer<typeof ServiceExport>;

/** APIServiceExportRequests, and the BindableResourcesRequests the portal asks the backend with. */
export const Request = z
  .object({
    metadata: Meta,
    status: z
      .object({ phase: z.string().optional(), terminalMessage: z.string().optional(), conditions: Conditions })
      .loose()
      .optional(),
  })
  .loose();
export type Request = z.infer<typeof Request>;

/** A consumer's APIServiceBinding: what it binds, and who wrote it (the portal or kubectl bind). */
export const ApiServiceBinding = z
  .object({
    metadata: Meta.extend({
      managedFields: z
        .array(z.object({ manager: z.string().optional(), operation: z.string().optional() }).loose())
        .optional(),
    }),
    status: z
      .object({
        boundSchemas: z.array(z.object({ group: z.string(), resource: z.string() }).loose()).optional(),
        conditions: Conditions,
      })
      .loose()
      .optional(),
  })
  .loose();
export type ApiServiceBinding = z.infer<typeof ApiServiceBinding>;

export const ServiceNamespace = z
  .object({ metadata: Meta, status: z.object({ namespace: z.string().optional() }).loose().optional() })
  .loose();

/** A consumer's ClusterBinding: the konnector's heartbeat and version. */
export const ClusterBinding = z
  .object({
    metadata: Meta,
    status: z
      .object({
        lastHeartbeatTime: z.string().optional(),
        heartbeatInterval: z.string().optional(),
        konnectorVersion: z.string().optional(),
        conditions: Conditions,
      })
      .loose()
      .optional(),
  })
  .loose();
export type ClusterBinding = z.infer<typeof ClusterBinding>;
