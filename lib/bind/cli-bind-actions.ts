"use server";

import { z } from "zod";
import { toActionFailure } from "@/lib/actions/failure";
import { userAction } from "@/lib/actions/user-action";
import { BindingLimitError, BindStepError, NotYourBindingError } from "@/lib/bind/bind-errors";
import { bindingResponse } from "@/lib/bind/binding-response";
import { errorRedirect, successRedirect } from "@/lib/bind/cli-redirect";
import { ConsumerIdentity } from "@/lib/bind/protocol";
import { requestProviderBinding } from "@/lib/bind/provision";
import { LoopbackRedirect } from "@/lib/bind/redirect";
import { BindingName } from "@/lib/catalog/binding-name";
import { getExportTemplate } from "@/lib/catalog/get-template";
import { env } from "@/lib/env";
import { KubeError } from "@/lib/k8s/errors";
import { log } from "@/lib/log";
import type { FormFailure, FormResult } from "@/lib/schema/action-result";

const CliBind = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "session_id is malformed"),
  redirectUrl: LoopbackRedirect,
  consumerId: ConsumerIdentity.optional(),
});

const BindInput = CliBind.extend({ template: z.string().min(1), name: BindingName });

export type CliBindResult = FormResult<{ redirectTo: string }>;

const RETURN = { returnTo: "/" };

/** A failure whose next step tells `kubectl bind` (the error code is the OAuth one it expects). */
function tellCli(input: z.infer<typeof CliBind>, error: string, failure: FormFailure): FormFailure {
  const message = failure.formError?.message ?? "";
  const href = errorRedirect(input.redirectUrl, input.sessionId, error, message);
  return { ...failure, formError: { message, next: { href, label: "Tell kubectl bind and close this page" } } };
}

/** The OAuth error code kubectl bind is told for a failed bind. */
function cliErrorCode(e: unknown): string {
  if (e instanceof NotYourBindingError || e instanceof BindingLimitError) return "access_denied";
  if (e instanceof BindStepError && e.reason === "TemplateNotFound") return "not_found";
  return "server_error";
}

/**
 * Consent given: kube-bind's backend does the provider handshake, then back to `kubectl bind`
 * with the BindingResponse.
 */
export const bindForCli = userAction(
  BindInput,
  async (input, { user }): Promise<CliBindResult> => {
    const failed = (error: string, message: string) =>
      tellCli(input, error, { ok: false, fieldErrors: {}, formError: { message } });
    try {
      const template = await getExportTemplate(input.template);
      if (!template) return failed("not_found", `The export ${input.template} does not exist (any more).`);
      const { namespace, kubeconfig } = await requestProviderBinding(user, {
        template: input.template,
        consumerIdentity: input.consumerId || undefined,
        prettyName: input.name,
      });
      const response = bindingResponse({
        template,
        requestName: input.name,
        kubeconfig,
        sessionId: input.sessionId,
        issuer: env().OIDC_ISSUER_URL,
        subject: user.username,
        providerNamespace: namespace,
      });
      log.info({ audit: { user: user.username, action: "bind", template: input.template, namespace } }, "bound");
      return { ok: true, redirectTo: successRedirect(input.redirectUrl, input.sessionId, response) };
    } catch (e) {
      if (e instanceof BindStepError)
        log.warn({ bind: { user: user.username, step: e.step, reason: e.reason } }, "bind failed");
      if (e instanceof KubeError) log.warn({ bind: { user: user.username, error: e.toJSON() } }, "bind failed");
      const failure = toActionFailure(e);
      if (e instanceof NotYourBindingError && failure.formError)
        failure.formError.message = `${e.message}. Ask them, or bind from another cluster.`;
      return tellCli(input, cliErrorCode(e), failure);
    }
  },
  RETURN,
);

/** The user said no: tell the CLI, which stops waiting. */
export const cancelCliBind = userAction(
  CliBind,
  async (input): Promise<CliBindResult> =>
    tellCli(input, "access_denied", {
      ok: false,
      fieldErrors: {},
      formError: { message: "You cancelled the binding in the portal." },
    }),
  RETURN,
);
