import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsumerDetail } from "@/components/provider/consumer-detail";
import { text } from "@/components/provider/text";
import { AppLink as Link } from "@/components/ui/app-link";
import { firstProviderConsumerView } from "@/lib/live/provider";
import { PreviewInput } from "@/lib/provider/revoke";
import { requireConsoleUser } from "../../access";
import { firstPaint, ProviderUnreachable } from "../../first-paint";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ namespace: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { namespace } = await params;
  return { title: `Consumer ${namespace}` };
}

export default async function ConsumerPage({ params }: Params) {
  const { namespace } = await params;
  const { identity, reachable } = await requireConsoleUser(`/provider/consumers/${encodeURIComponent(namespace)}`);
  if (!PreviewInput.safeParse({ namespace }).success) notFound();
  const back = (
    <Link href="/provider" className="text-sky-700 underline dark:text-sky-400">
      {text.back}
    </Link>
  );
  if (!reachable) return <ProviderUnreachable />;
  const first = await firstProviderConsumerView(identity, namespace, 5_000);
  const consumer = first.ok ? first.data?.view.consumer?.consumer : undefined;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">{back}</p>
        <h1 className="mt-2 text-2xl font-semibold">Consumer {consumer ?? namespace}</h1>
        <p className="mt-1 font-mono text-sm text-slate-600 dark:text-slate-300">Binding namespace {namespace}</p>
      </div>
      <ConsumerDetail namespace={namespace} {...firstPaint(first)} />
    </div>
  );
}
