// A ValidatingAdmissionPolicy on the consumer for cluster tests: admission errors and failures
// that pass the dry run but hit the real write (request.dryRun is false) to exercise rollback.
import type { KubeClient } from "../lib/k8s/client";
import { KubeError } from "../lib/k8s/errors";

const ADMISSION = { group: "admissionregistration.k8s.io", version: "v1" };

export async function installPolicy(
  admin: KubeClient,
  opts: { name: string; resource: string; group: string; operations: string[]; expression: string; message: string },
): Promise<() => Promise<void>> {
  await admin.create(
    { ...ADMISSION, resource: "validatingadmissionpolicies" },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: { name: opts.name },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          resourceRules: [
            { apiGroups: [opts.group], apiVersions: ["*"], operations: opts.operations, resources: [opts.resource] },
          ],
        },
        validations: [{ expression: opts.expression, message: opts.message }],
      },
    },
  );
  await admin.create(
    { ...ADMISSION, resource: "validatingadmissionpolicybindings" },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name: opts.name },
      spec: { policyName: opts.name, validationActions: ["Deny"] },
    },
  );
  return async () => {
    for (const resource of ["validatingadmissionpolicybindings", "validatingadmissionpolicies"]) {
      await admin.delete({ ...ADMISSION, resource, name: opts.name }).catch((e) => {
        if (!(e instanceof KubeError && e.notFound)) throw e;
      });
    }
  };
}
