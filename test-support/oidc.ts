// The sandbox's identity provider and its cookie-keeping HTTP client, for tests under lib/ that
// start an identity provider of their own (lib/ never imports sandbox/ itself).
export { FetchBrowser } from "../sandbox/oidc/fetch-browser";
export { type OidcProviderHandle, startOidcProvider } from "../sandbox/oidc/server";
