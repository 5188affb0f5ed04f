import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsumerDetail } from "@/components/provider/consumer-detail";
import { text } from "@/components/provider/text";
import { AppLink as Link } from "@/components/ui/app-link";
import { ErrorPanel } from "@/components/ui/state-panels";
import { firstProviderConsumerView } from "@/lib/live/provider";
import { PreviewInput } from "@/lib/provider/revoke";
import { requireConsoleUser } from "../../access";

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
  if (!reachable) {
    return (
      <ErrorPanel title="Cannot reach the provider cluster">
        <p>The portal could not check your access to the provider console. Reload in a moment.</p>
      </ErrorPanel>
    );
  }
  const first = await firstProviderConsumerView(identity, namespace, 5_000);
  const consumer = first.ok ? first.data?.view.consumer?.consumer : undefined;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">{back}</p>
        <h1 className="mt-2 text-2xl font-semibold">Consumer {consumer ?? namespace}</h1>
        <p className="mt-1 font-mono text-sm text-slate-600 dark:text-slate-300">Binding namespace {namespace}</p>
      </div>
      <ConsumerDetail
        namespace={namespace}
        initial={first.ok ? first.data?.view : undefined}
        resume={first.ok ? first.data?.resume : undefined}
        initialProblem={
          first.ok
            ? undefined
            : { status: first.error.status, reason: first.error.reason, message: first.error.message }
        }
      />
    </div>
  );
}
