import type { Metadata } from "next";
import { NotFoundContent } from "@/components/shell/not-found-content";
import { PortalShell } from "@/components/shell/portal-shell";

export const metadata: Metadata = { title: "Page not found" };

// Answers 404 for addresses no route matches, with the portal's shell around it (pages that call
// notFound() get their group's not-found.tsx inside the shell they already have).
export default function NotFound() {
  return (
    <PortalShell>
      <NotFoundContent />
    </PortalShell>
  );
}
