import { NotFoundContent } from "@/components/shell/not-found-content";

// notFound() in the provider console (also what everyone but its admins gets): inside the shell.
export default function ConsoleNotFound() {
  return <NotFoundContent />;
}
