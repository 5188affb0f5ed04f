// Liveness: the process answers. No dependency is checked here, so a cluster outage never
// makes an orchestrator restart a healthy portal.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", checks: [{ name: "process", ok: true }] });
}
