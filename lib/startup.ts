// Loaded once when the Node server starts: a bad setting stops the portal with one message
// listing every problem, instead of failing later on the first request.
import { ConfigError, parseEnv } from "./env-schema";
import { log } from "./log";

try {
  const e = parseEnv(process.env);
  log.info({ portal: { url: e.PORTAL_URL, issuer: e.OIDC_ISSUER_URL } }, "configuration valid");
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
