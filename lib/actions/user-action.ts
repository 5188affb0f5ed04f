import "server-only";
import { z } from "zod";
import { currentSession, type SignedInUser } from "../auth/session";
import type { Identity } from "../k8s/types";
import { type ActionOptions, defineUserAction } from "./define";

/**
 * Every server action is `userAction(schema, async (input, { user, identity }) => …, { returnTo })`,
 * for the signed-in user of this request (none when the session has ended or was refused).
 */
export const userAction = defineUserAction(async (): Promise<SignedInUser | null> => {
  const session = await currentSession();
  return session?.user?.username && !session.error ? session.user : null;
});

/** For lib functions that validate their input themselves, against what only the cluster serves. */
export const identityAction = <R>(fn: (identity: Identity, raw: unknown) => Promise<R>, options: ActionOptions) =>
  userAction(z.unknown(), (raw, { identity }) => fn(identity, raw), options);
