// GET /api/site: who runs this server (ORGANIZATION_NAME, PRIVACY_CONTACT) and the default
// retention, read by the privacy and accessibility pages. An endpoint rather than values written
// into the HTML: the pages stay static, precompressed files under the strict CSP.
import type { FastifyInstance } from "fastify";
import type { SiteInfo } from "../../shared/model.js";
import { RETENTION } from "../core/retention.js";

export function siteRoutes(
  app: FastifyInstance,
  site: { organizationName?: string | undefined; privacyContact?: string | undefined },
): void {
  const info: SiteInfo = {
    organizationName: site.organizationName ?? null,
    privacyContact: site.privacyContact ?? null,
    defaultRetentionDays: RETENTION.defaultDays,
  };
  const body = JSON.stringify(info);
  app.get("/api/site", async (_req, reply) =>
    reply.type("application/json; charset=utf-8").header("cache-control", "no-cache").send(body),
  );
}
