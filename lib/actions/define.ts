// One wrapper for every server action, in the spirit of next-safe-action's action client: who is
// signed in, the input checked with zod, errors mapped to one failure shape. Hand-written because
// it is a few lines and every failure must be the forms' own FieldErrors/FormError vocabulary,
// which an action library would wrap in its own. Pure: the session is passed in (user-action.ts).
// Each run has its own memo of discovery and schema reads (lib/k8s/request-cache.ts).
import type { z } from "zod";
import type { FormFailure } from "../forms/action-result";
import { withRequestCache } from "../k8s/request-cache";
import { type Identity, identityOf } from "../k8s/types";
import { invalidInput, signInAgain, toActionFailure } from "./failure";

export type SignedIn = { username: string; groups: string[] };

/** The signed-in user, and the identity the portal impersonates for them. */
export type ActionContext<U extends SignedIn> = { user: U; identity: Identity };

/** returnTo: the page to come back to after signing in again */
export type ActionOptions = { returnTo: string };

/**
 * Builds `userAction(schema, handler, options)` for a session source: null (or a refused session)
 * answers the "sign in again" failure, input that fails the schema answers its field errors, and
 * what the handler throws is mapped by toActionFailure. The identity always comes from the session.
 */
export function defineUserAction<U extends SignedIn>(signedIn: () => Promise<U | null>) {
  return <S extends z.ZodType, R>(
    schema: S,
    handler: (input: z.infer<S>, ctx: ActionContext<U>) => Promise<R>,
    options: ActionOptions,
  ) =>
    async (raw: unknown): Promise<R | FormFailure> => {
      const user = await signedIn();
      if (!user) return signInAgain(options.returnTo);
      const input = schema.safeParse(raw);
      if (!input.success) return invalidInput(input.error);
      try {
        return await withRequestCache(() => handler(input.data, { user, identity: identityOf(user) }));
      } catch (e) {
        return toActionFailure(e);
      }
    };
}
