import { LoadingPanel } from "@/components/ui/state-panels";

export default function Loading() {
  return <LoadingPanel label="Loading…" />;
}
