/**
 * settleAction: calls a server action from a client component so that a failed call (network
 * down, the server answering 500) becomes a value the component shows beside its button, instead
 * of a rejection that would replace the whole page with the route's error boundary.
 *   const r = await settleAction(() => testTrafficAction(input));
 *   if (!r.settled) show(r.message) else use(r.value)
 * Next's own control flow (redirect(), notFound()) is rethrown: the router must handle it.
 */
import { type FormFailure, fail } from "@/lib/forms/action-result";

export type Settled<T> = { settled: true; value: T } | { settled: false; message: string };

export const ACTION_FAILED = {
  offline: "The portal could not be reached. Check your network connection and try again.",
  server: "The portal could not finish this request. Try again; if it keeps failing, reload the page.",
} as const;

export async function settleAction<T>(call: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { settled: true, value: await call() };
  } catch (e) {
    if (isNextControlFlow(e)) throw e;
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    return {
      settled: false,
      message: offline || e instanceof TypeError ? ACTION_FAILED.offline : ACTION_FAILED.server,
    };
  }
}

function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"));
}

/** settleAction for form actions: a failed call becomes the form's error above its fields. */
export async function settleFormAction<R>(call: () => Promise<R>): Promise<R | FormFailure> {
  const r = await settleAction(call);
  return r.settled ? r.value : fail({}, { message: r.message });
}
