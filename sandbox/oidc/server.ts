// A real OpenID Connect provider (oidc-provider) for the sandbox: three fixed users, one
// confidential client for the portal, consent on first login, refresh tokens without
// offline_access. Run standalone with `npx tsx sandbox/oidc/server.ts`.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import Provider from "oidc-provider";
import { z } from "zod";
import type { SandboxUser } from "../state";
import { handleInteraction } from "./interactions";
import { errorPage } from "./pages";
import { findUser, SANDBOX_USERS } from "./users";

export const CLIENT_ID = "kube-bind-portal";

const Options = z.object({
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().default("127.0.0.1"),
  portalUrls: z.array(z.url()).min(1),
  logFile: z.string().optional(),
  /** Access and ID token lifetime; short so the portal's refresh path gets exercised. */
  accessTokenTtlSeconds: z.number().int().positive().default(600),
  /** PKCE (S256 only) for the confidential client too; false lets a plain code flow through. */
  requirePkce: z.boolean().default(true),
});
export type OidcProviderOptions = z.input<typeof Options>;

export interface OidcProviderHandle {
  issuer: string;
  clientId: string;
  clientSecret: string;
  users: SandboxUser[];
  stop(): Promise<void>;
}

/** Redirect URIs for one portal URL: next-auth's callback and the kube-bind CLI login callback. */
export function redirectUrisFor(portalUrl: string): string[] {
  const base = portalUrl.replace(/\/+$/, "");
  return [`${base}/api/auth/callback/oidc`, `${base}/api/callback`];
}

function signingJwk() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };
}

function providerConfig(o: z.output<typeof Options>, clientSecret: string) {
  const ttl = o.accessTokenTtlSeconds;
  const day = 24 * 60 * 60;
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: o.portalUrls.flatMap(redirectUrisFor),
        post_logout_redirect_uris: o.portalUrls.map((u) => u.replace(/\/+$/, "")),
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingJwk()] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    // Scope → claims; the keys double as the supported scopes (plus openid, offline_access).
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "preferred_username"],
      groups: ["groups"],
    },
    // Put the scoped claims into the ID token, as Dex and Keycloak do (stack-notes pitfall 11).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = "html";
      ctx.body = errorPage([out.error, out.error_description].filter(Boolean).join(": "));
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => {
      const user = findUser(id);
      if (!user) return undefined;
      return {
        accountId: user.username,
        claims: async () => ({
          sub: user.username,
          email: user.email,
          email_verified: true,
          name: user.name,
          preferred_username: user.username,
          groups: user.groups,
        }),
      };
    },
    // Default is "only with offline_access", which oidc-provider in turn drops unless
    // prompt=consent is sent. Issuing for every client allowed the grant is what Dex does.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) =>
      client.grantTypeAllowed("refresh_token"),
    pkce: { required: () => o.requirePkce },
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      AuthorizationCode: 60,
      RefreshToken: day,
      Interaction: 60 * 60,
      Session: day,
      Grant: day,
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProviderHandle> {
  const o = Options.parse(options);
  const log = (line: string) => {
    if (o.logFile) appendFileSync(o.logFile, `${new Date().toISOString()} ${line}\n`);
  };
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let provider: Provider | undefined;

  const server = createServer((req, res) => {
    // Paths only: query strings carry codes and state.
    res.on("finish", () => log(`${req.method} ${(req.url ?? "").split("?")[0]} ${res.statusCode}`));
    if (!provider || !handler) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const callback = handler;
    handleInteraction(provider, req, res)
      .then((handled) => {
        if (!handled) callback(req, res);
      })
      .catch((err: unknown) => {
        log(`interaction error: ${err instanceof Error ? err.message : String(err)}`);
        if (res.headersSent) return res.end();
        res.statusCode = 500;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(errorPage("The identity provider failed to handle this request."));
      });
  });

  // The issuer contains the port, so the provider can only be built once the port is known.
  const port = await listen(server, o.port ?? 0, o.host);
  const hostForUrl = o.host.includes(":") ? `[${o.host}]` : o.host;
  const issuer = `http://${hostForUrl}:${port}`;
  const clientSecret = randomBytes(24).toString("base64url");
  provider = new Provider(issuer, providerConfig(o, clientSecret));
  for (const event of ["server_error", "authorization.error", "grant.error", "end_session.error"]) {
    provider.on(event, (_ctx: unknown, err: unknown) => log(`${event}: ${err instanceof Error ? err.message : ""}`));
  }
  handler = provider.callback();
  log(`listening, issuer ${issuer}`);

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    users: SANDBOX_USERS.map((u) => ({ ...u, groups: [...u.groups] })),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function main() {
  const portalUrls = (process.env.PORTAL_URLS ?? "http://127.0.0.1:3000,http://localhost:3000").split(",");
  const port = process.env.OIDC_PORT ? Number(process.env.OIDC_PORT) : undefined;
  const idp = await startOidcProvider({ port, portalUrls, logFile: process.env.OIDC_LOG_FILE });
  console.log(idp.issuer);
  console.error(`client ${idp.clientId} / ${idp.clientSecret}; users: ${idp.users.map((u) => u.username).join(", ")}`);
  const shutdown = () => void idp.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
