import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { name: string; email?: string; username: string; groups: string[] };
    /** set when the identity provider refused to refresh the session, or it was signed out */
    error?: "RefreshFailed" | "Expired" | "Revoked";
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    username?: string;
    groups?: string[];
    accessToken?: string;
    refreshToken?: string;
    /** epoch seconds */
    expiresAt?: number;
    error?: "RefreshFailed" | "Expired" | "Revoked";
    /** the session id that signing out revokes (lib/auth/revocations.ts) */
    sid?: string;
  }
}
