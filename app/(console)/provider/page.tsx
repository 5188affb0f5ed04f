import type { Metadata } from "next";
import { ProviderConsole } from "@/components/provider/provider-console";
import { text } from "@/components/provider/text";
import { firstProviderView } from "@/lib/live/provider";
import { requireConsoleUser } from "./access";
import { firstPaint, ProviderUnreachable } from "./first-paint";

export const metadata: Metadata = { title: text.title };
export const dynamic = "force-dynamic";

export default async function ProviderPage() {
  const { identity, reachable } = await requireConsoleUser("/provider");
  if (!reachable) return <ProviderUnreachable />;
  // Server-rendered first paint from a one-shot subscription; the page's live stream takes over.
  const first = await firstProviderView(identity, 5_000);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{text.title}</h1>
        <p className="mt-1 text-slate-700 dark:text-slate-300">{text.intro}</p>
      </div>
      <ProviderConsole {...firstPaint(first)} />
    </div>
  );
}
