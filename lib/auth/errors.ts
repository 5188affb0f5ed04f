// Plain-language explanations for every error next-auth or the IdP can send to /auth/error.
export interface AuthErrorText {
  title: string;
  explanation: string;
  next: string;
}

const DENIED: AuthErrorText = {
  title: "Sign-in was cancelled",
  explanation: "You (or your identity provider) declined to share your identity with the portal.",
  next: "Sign in again and choose Allow on the consent page. If you did not expect a consent page, ask your platform team.",
};

const TEXTS: Record<string, AuthErrorText> = {
  access_denied: DENIED,
  AccessDenied: DENIED,
  OAuthSignin: {
    title: "The identity provider could not be reached",
    explanation:
      "The portal could not start the sign-in with its identity provider: it did not answer or its configuration could not be read.",
    next: "Try again in a minute. If it keeps failing, tell your platform team that the identity provider is unreachable from the portal.",
  },
  OAuthCallback: {
    title: "The identity provider refused the sign-in",
    explanation:
      "The identity provider sent you back, but the portal could not complete the sign-in with it. A wrong client secret or an expired sign-in attempt causes this.",
    next: "Sign in again. If it fails again, ask your platform team to check the portal's OIDC client id and secret.",
  },
  Callback: {
    title: "Sign-in could not be completed",
    explanation: "Something went wrong while finishing the sign-in.",
    next: "Sign in again. If it keeps failing, ask your platform team to look at the portal's logs.",
  },
  MissingClaim: {
    title: "Your identity lacks a user name",
    explanation: "The identity provider did not send the claim the portal uses as your Kubernetes user name.",
    next: "Ask your platform team to check OIDC_USERNAME_CLAIM and the identity provider's scopes.",
  },
  Configuration: {
    title: "The portal's sign-in is misconfigured",
    explanation: "The portal's sign-in settings are incomplete or inconsistent.",
    next: "Tell your platform team; the portal's logs name the setting.",
  },
};

const FALLBACK: AuthErrorText = {
  title: "Sign-in failed",
  explanation: "The sign-in did not succeed.",
  next: "Sign in again. If it keeps failing, ask your platform team.",
};

export function authErrorText(code: string | undefined): AuthErrorText {
  return (code && TEXTS[code]) || FALLBACK;
}
