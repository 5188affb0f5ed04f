import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { name: string; email?: string; username: string; groups: string[] };
    /** set when the identity provider refused to refresh the session */
    error?: "RefreshFailed" | "Expired";
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
    error?: "RefreshFailed" | "Expired";
  }
}
