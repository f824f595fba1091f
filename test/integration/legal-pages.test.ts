// The privacy notice and the accessibility statement: four addresses answer the built pages under
// the strict CSP, and GET /api/site tells them who runs the server (ORGANIZATION_NAME, PRIVACY_CONTACT).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { CLIENT_DIR, ensureClientBuilt } from "../e2e/browser.js";
import { startServer, type TestServer } from "../helpers/server.js";

describe("privacy and accessibility pages", () => {
  let server: TestServer;
  let bare: TestServer;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, bare] = await Promise.all([
      startServer({ clientDir: CLIENT_DIR, organizationName: "Ville de Lyon", privacyContact: "dpo@example.org" }),
      startServer({ clientDir: CLIENT_DIR }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([server?.close(), bare?.close()]);
  });

  it.each([
    ["/privacy", "privacy"],
    ["/confidentialite", "privacy"],
    ["/accessibility", "accessibility"],
    ["/accessibilite", "accessibility"],
  ])("%s answers the %s page as HTML under the strict CSP", async (path, entry) => {
    const res = await fetch(server.url + path, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/unsafe-inline/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    expect(html).toMatch(new RegExp(`/assets/${entry}-[\\w-]+\\.js`));
  });

  it("tells the pages who runs the server and the default retention", async () => {
    const res = await fetch(`${server.url}/api/site`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      organizationName: "Ville de Lyon",
      privacyContact: "dpo@example.org",
      defaultRetentionDays: 30,
    });
  });

  it("answers nulls when the operator named no one", async () => {
    const res = await fetch(`${bare.url}/api/site`);
    expect(await res.json()).toEqual({ organizationName: null, privacyContact: null, defaultRetentionDays: 30 });
  });

  it("reads ORGANIZATION_NAME and PRIVACY_CONTACT from the environment, and refuses bad values by name", () => {
    expect(loadConfig({ ORGANIZATION_NAME: " Ville de Lyon ", PRIVACY_CONTACT: "dpo@example.org" })).toMatchObject({
      organizationName: "Ville de Lyon",
      privacyContact: "dpo@example.org",
    });
    expect(loadConfig({ PRIVACY_CONTACT: "https://example.org/donnees" }).privacyContact).toBe("https://example.org/donnees");
    expect(loadConfig({}).privacyContact).toBeUndefined();
    for (const bad of ["not a contact", "javascript:alert(1)", "ftp://example.org", "a@b"])
      expect(() => loadConfig({ PRIVACY_CONTACT: bad })).toThrow(
        /^Invalid PRIVACY_CONTACT: must be an e-mail address or an http\(s\) URL/,
      );
    expect(() => loadConfig({ ORGANIZATION_NAME: "Ville\nde Lyon" })).toThrow(/^Invalid ORGANIZATION_NAME/);
    expect(() => loadConfig({ ORGANIZATION_NAME: "x".repeat(201) })).toThrow(/^Invalid ORGANIZATION_NAME/);
  });
});
