import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { ThemeScript } from "@/components/shell/theme-script";
import { Toaster } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "kube-bind portal", template: "%s · kube-bind portal" },
  description: "Self-service APIs across clusters with kube-bind",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts sets this per request; it makes every page dynamic, which a nonce'd CSP needs.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-screen bg-surface text-fg antialiased">
        <QueryProvider>{children}</QueryProvider>
        <Toaster />
      </body>
    </html>
  );
}
