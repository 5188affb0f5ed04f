import "server-only";
import { currentSession, type SignedInUser } from "../auth/session";
import { defineUserAction } from "./define";

/** The signed-in user of this request, or null when there is none or it may no longer be used. */
async function sessionUser(): Promise<SignedInUser | null> {
  const session = await currentSession();
  return session?.user?.username && !session.error ? session.user : null;
}

/** Every server action is `userAction(schema, async (input, { user, identity }) => …, { returnTo })`. */
export const userAction = defineUserAction(sessionUser);
