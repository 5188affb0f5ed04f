"use server";

import { z } from "zod";
import { toActionFailure } from "@/lib/actions/failure";
import { userAction } from "@/lib/actions/user-action";
import { BindingLimitError, BindStepError, NotYourBindingError } from "@/lib/bind/bind-errors";
import { errorRedirect, successRedirect } from "@/lib/bind/cli-redirect";
import { ConsumerIdentity } from "@/lib/bind/protocol";
import { bindExport } from "@/lib/bind/provision";
import { LoopbackRedirect } from "@/lib/bind/redirect";
import { BindingName } from "@/lib/catalog/binding-name";
import { type FormFailure, type FormResult, fail } from "@/lib/forms/action-result";
import { log } from "@/lib/log";

const CliBind = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "session_id is malformed"),
  redirectUrl: LoopbackRedirect,
  consumerId: ConsumerIdentity.optional(),
});

const BindInput = CliBind.extend({ template: z.string().min(1), name: BindingName });

export type CliBindResult = FormResult<{ redirectTo: string }>;

const RETURN = { returnTo: "/" };

/** A failure whose next step tells `kubectl bind` (with the OAuth error code it expects). */
function tellCli(input: z.infer<typeof CliBind>, error: string, message: string): FormFailure {
  const href = errorRedirect(input.redirectUrl, input.sessionId, error, message);
  return fail({}, { message, next: { href, label: "Tell kubectl bind and close this page" } });
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
    try {
      const bound = await bindExport(user, {
        template: input.template,
        consumerIdentity: input.consumerId || undefined,
        prettyName: input.name,
        sessionId: input.sessionId,
      });
      if (!bound) return tellCli(input, "not_found", `The export ${input.template} does not exist (any more).`);
      const { namespace, response } = bound;
      log.info({ audit: { user: user.username, action: "bind", template: input.template, namespace } }, "bound");
      return { ok: true, redirectTo: successRedirect(input.redirectUrl, input.sessionId, response) };
    } catch (e) {
      const failure = toActionFailure(e);
      log.warn({ bind: { user: user.username, reason: failure.reason, message: (e as Error).message } }, "bind failed");
      const more = e instanceof NotYourBindingError ? " Ask them, or bind from another cluster." : "";
      return tellCli(input, cliErrorCode(e), `${failure.formError?.message ?? ""}${more}`);
    }
  },
  RETURN,
);

/** The user said no: tell the CLI, which stops waiting. */
export const cancelCliBind = userAction(
  CliBind,
  async (input): Promise<CliBindResult> => tellCli(input, "access_denied", "You cancelled the binding in the portal."),
  RETURN,
);
