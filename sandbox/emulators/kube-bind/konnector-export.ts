// Everything one APIServiceBinding syncs: a ResourceSync per bound resource and a ClaimSync per
// permission claim, wired so that changes of referencing objects re-evaluate the claims.
import type { Obj, OwnerReference } from "./client";
import { ClaimSync } from "./konnector-claims";
import { ResourceSync, type SyncContext } from "./konnector-sync";
import { preferredVersion } from "./schema";
import type { BoundSchema, PermissionClaim, SelectorReference } from "./types";

export class ExportSync {
  private readonly resources: ResourceSync[] = [];
  private readonly claims: ClaimSync[] = [];
  /** what this sync was built from; a different export or schema set means a rebuild */
  readonly fingerprint: string;

  constructor(ctx: SyncContext, schemas: BoundSchema[], permissionClaims: PermissionClaim[]) {
    this.fingerprint = ExportSync.fingerprint(ctx.exportOwner, schemas, permissionClaims);
    for (const schema of schemas) {
      const resource = {
        group: schema.spec.group,
        version: preferredVersion(schema),
        plural: schema.spec.names.plural,
      };
      const sync = new ResourceSync(ctx, resource, schema.spec.names.kind, (obj, old) => {
        for (const c of this.claims) c.referrerChanged(resource.group, resource.plural, obj, old);
      });
      this.resources.push(sync);
    }
    for (const claim of permissionClaims) this.claims.push(new ClaimSync(ctx, claim, (ref) => this.referrers(ref)));
  }

  static fingerprint(owner: OwnerReference, schemas: BoundSchema[], claims: PermissionClaim[]): string {
    return JSON.stringify([owner.uid, schemas.map((s) => [s.metadata.name, s.spec.versions]), claims]);
  }

  /** Consumer objects of a referenced resource; only bound resources are watched (see README). */
  private referrers(ref: SelectorReference): Obj[] {
    const sync = this.resources.find(
      (r) => r.resource.group === (ref.group ?? "") && r.resource.plural === ref.resource,
    );
    return sync ? sync.consumerInformer.list() : [];
  }

  get synced(): boolean {
    return this.resources.every((r) => r.synced) && this.claims.every((c) => c.synced);
  }

  resync(): void {
    for (const c of this.claims) c.resync();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.resources, ...this.claims].map((s) => s.stop()));
  }
}
