import { readinessChecks } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

export async function GET() {
  const checks = await readinessChecks();
  const ok = checks.every((c) => c.ok);
  return Response.json({ status: ok ? "ok" : "unavailable", checks }, { status: ok ? 200 : 503 });
}
