import { authenticate } from "@/lib/bind/caller";
import { protocolFailure } from "@/lib/bind/errors";
import { NO_CACHE, protocolError } from "@/lib/bind/protocol";
import { listExportTemplates } from "@/lib/catalog/templates";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  if (!(await authenticate(req))) return protocolError("AUTHENTICATION_FAILED", "a valid token or session is required");
  try {
    const items = await listExportTemplates();
    return Response.json(
      { apiVersion: "kube-bind.io/v1alpha2", kind: "APIServiceExportTemplateList", metadata: {}, items },
      { headers: NO_CACHE },
    );
  } catch (e) {
    return protocolFailure(e, "listing templates");
  }
}
