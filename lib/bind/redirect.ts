// The CLI's callback URL is attacker-controllable (it arrives in a link), and the portal sends a
// kubeconfig to it. So it must be a loopback http URL, exactly; everything else is refused
// before any work is done.
import { z } from "zod";

const MAX_LENGTH = 2048;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type RedirectCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkLoopbackRedirect(raw: unknown): RedirectCheck {
  if (typeof raw !== "string" || raw === "") return { ok: false, reason: "redirect_url is required" };
  if (raw.length > MAX_LENGTH) return { ok: false, reason: `redirect_url is longer than ${MAX_LENGTH} characters` };
  // Control characters (CR/LF/TAB…), spaces and backslashes are never part of a URL the CLI
  // builds; WHATWG parsing would silently strip or rewrite them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return { ok: false, reason: "redirect_url contains forbidden characters" };
  // Percent-encoded control characters decode to the same bytes on the CLI's side.
  if (/%(?:[01][0-9a-f]|7f)/i.test(raw)) {
    return { ok: false, reason: "redirect_url contains percent-encoded control characters" };
  }
  if (!/^http:\/\/[^/?#]+\/[^?#]*(\?[^#]*)?$/.test(raw)) {
    return { ok: false, reason: "redirect_url must be an http URL with a host, port and path" };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "redirect_url is not a valid URL" };
  }
  if (url.protocol !== "http:") return { ok: false, reason: "redirect_url must use http" };
  if (url.username || url.password) return { ok: false, reason: "redirect_url must not contain credentials" };
  // The raw authority must already be in canonical form: no encoded or upper-case host variants.
  const authority = raw.slice("http://".length).split("/")[0];
  if (authority !== url.host) return { ok: false, reason: "redirect_url host must be written literally" };
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    return { ok: false, reason: "redirect_url must point to 127.0.0.1, localhost or [::1]" };
  }
  if (!url.port) return { ok: false, reason: "redirect_url must have an explicit port" };
  // Port 0 means "any free port" to a listener; no CLI can be listening on it.
  if (url.port === "0") return { ok: false, reason: "redirect_url port must be between 1 and 65535" };
  if (url.pathname === "/" || url.pathname === "") return { ok: false, reason: "redirect_url must have a path" };
  return { ok: true, url };
}

/** zod form, for route handlers. */
export const LoopbackRedirect = z.string().transform((raw, ctx) => {
  const check = checkLoopbackRedirect(raw);
  if (!check.ok) {
    ctx.addIssue({ code: "custom", message: check.reason });
    return z.NEVER;
  }
  return check.url.toString();
});
