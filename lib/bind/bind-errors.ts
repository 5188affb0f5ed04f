// The errors of binding that are not Kubernetes failures (those are KubeError). Pure.

/** The identity's provider namespace belongs to someone else: never hand out its kubeconfig. */
export class NotYourBindingError extends Error {
  constructor() {
    super("this consumer cluster is already bound to the provider by another user");
    this.name = "NotYourBindingError";
  }
}

/**
 * A step of binding that did not complete: kube-bind's backend refused or did not answer the
 * request, its answer was unusable, the export request failed, or the konnector did not start.
 * The message is plain and fit to show to the user; `reason` is the backend's condition reason
 * where there is one (TemplateNotFound, HandleResourcesFailed, …), else the portal's own.
 */
export class BindStepError extends Error {
  constructor(
    readonly step: "provider" | "export-request" | "konnector" | "binding",
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "BindStepError";
  }
}

/** The caller already owns the most bindings one user may have: nothing was created. */
export class BindingLimitError extends Error {
  constructor(
    readonly owned: number,
    readonly max: number,
  ) {
    super(
      `you already own ${owned} bindings to this provider, the most one user may have (PORTAL_MAX_BINDINGS_PER_USER=${max}); nothing was created. Ask a platform admin to revoke one you no longer use`,
    );
    this.name = "BindingLimitError";
  }
}
