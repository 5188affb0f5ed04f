import { NotFoundContent } from "@/components/shell/not-found-content";

// notFound() in a portal page: answered 404 inside the portal's shell (this group's layout).
export default function PortalNotFound() {
  return <NotFoundContent />;
}
