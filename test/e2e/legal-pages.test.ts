// The privacy notice and the accessibility statement in Chromium: French and English, the contact
// from the environment, axe WCAG 2.1 A/AA clean; the footer links of the audience pages; the
// room's "read results" button and the polite live region it fills.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import { axeViolations, CHROMIUM, DESKTOP, launchBrowser, newContext, PHONE, startPageServer, watchedPage } from "./browser.js";
import { eventually } from "./patience.js";

const COMBOS = [
  { lang: "fr", locale: "fr-FR", viewport: PHONE },
  { lang: "en", locale: "en-GB", viewport: PHONE },
  { lang: "fr", locale: "fr-FR", viewport: DESKTOP },
  { lang: "en", locale: "en-GB", viewport: DESKTOP },
] as const;

const PAGES = {
  privacy: { fr: "/confidentialite", en: "/privacy", h1: { fr: "Vos données personnelles", en: "Your personal data" } },
  accessibility: {
    fr: "/accessibilite",
    en: "/accessibility",
    h1: { fr: "Déclaration d’accessibilité", en: "Accessibility statement" },
  },
} as const;

describe.skipIf(!CHROMIUM)("privacy and accessibility pages in Chromium", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let code = "";
  let key = "";
  let pollId = "";

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startPageServer({ organizationName: "Ville de Lyon", privacyContact: "dpo@example.org" }),
      launchBrowser(),
    ]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès", rooms: [{ name: "Plénière" }] },
    });
    code = created.body.rooms[0].code;
    key = created.body.moderatorKey;
    const poll = await api(server.url, "POST", `/api/rooms/${code}/polls`, {
      token: key,
      body: { title: "Quelle priorité ?", kind: "single", options: ["Mobilité", "Logement"] },
    });
    pollId = poll.body.id;
    await api(server.url, "POST", `/api/polls/${pollId}/open`, { token: key });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const combo of COMBOS) {
    describe(`${combo.lang}, ${combo.viewport.width}×${combo.viewport.height}`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({ locale: combo.locale, viewport: combo.viewport, bypassCSP: true });
        page = await context.newPage();
        page.setDefaultTimeout(10_000);
      });
      afterAll(() => context?.close());

      for (const [name, target] of Object.entries(PAGES)) {
        it(`${name}: in its language, with the contact, axe clean`, async () => {
          await page.goto(server.url + target[combo.lang]);
          await page.getByRole("heading", { level: 1, name: target.h1[combo.lang] }).waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(combo.lang);
          const contact = page.locator("a.contact");
          await contact.waitFor();
          expect(await contact.getAttribute("href")).toBe("mailto:dpo@example.org");
          expect(await page.locator("main").textContent()).toContain("Ville de Lyon");
          const violations = await axeViolations(page);
          expect(violations, violations.map((v) => `${v.id}: ${v.nodes.join(", ")}`).join("\n")).toEqual([]);
        });
      }
    });
  }

  it("says the default retention, and the accessibility rate and status from the self-assessment", async () => {
    const context = await newContext(browser, { locale: "fr-FR" });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${server.url}/confidentialite`);
    await eventually(() => page.locator(".retention").textContent()).toContain("30\u202fjours");
    await page.goto(`${server.url}/accessibilite`);
    await eventually(() => page.locator(".status").textContent()).toContain("partiellement conforme");
    expect(await page.locator(".rate").textContent()).toMatch(/\d+,\d\s%/);
    expect(await page.locator(".defects li").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens the French address in French whatever the browser, and switching moves to the other address", async () => {
    const context = await newContext(browser, { locale: "en-GB" });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${server.url}/confidentialite`);
    await page.getByRole("heading", { level: 1, name: "Vos données personnelles" }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Your personal data" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/privacy");
    await page.goto(`${server.url}/accessibility`);
    await page.getByRole("heading", { level: 1, name: "Accessibility statement" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("links both pages from the audience home and the room, in the reader's language", async () => {
    const context = await newContext(browser, { locale: "fr-FR", viewport: PHONE });
    const { page, problems } = await watchedPage(context);
    for (const [path, privacy] of [
      ["/", "/confidentialite"],
      [`/${code}`, `/confidentialite?code=${code}`], // from a room: the notice states its event's retention
    ]) {
      await page.goto(server.url + path);
      const footer = page.locator("footer.legal-links");
      await footer.getByRole("link", { name: "Données personnelles" }).waitFor();
      expect(await footer.getByRole("link", { name: "Données personnelles" }).getAttribute("href")).toBe(privacy);
      const a11y = footer.getByRole("link", { name: "Accessibilité\u202f: partiellement conforme" });
      expect(await a11y.getAttribute("href")).toBe("/accessibilite");
    }
    await page.getByRole("button", { name: "English" }).click();
    const privacy = page.locator("footer.legal-links").getByRole("link", { name: "Privacy" });
    expect(await privacy.getAttribute("href")).toBe(`/privacy?code=${code}`);
    await privacy.click();
    await page.getByText("This is the length the organizer chose for “Congrès”.").waitFor();
    await page.getByText(/^30 days after the event was created/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads the results aloud when asked, and when the poll closes, through a polite live region", async () => {
    const context = await newContext(browser, { locale: "fr-FR", viewport: PHONE });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${server.url}/${code}`);
    await page.getByRole("button", { name: "Mobilité" }).click();
    await page.locator(".vote-status.ok").waitFor();
    const region = page.locator("#results-said");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    // The voters count is no longer a live region of its own: it would speak at every vote.
    expect(await page.locator(".results [aria-live]").count()).toBe(0);
    await page.getByRole("button", { name: "Lire les résultats" }).click();
    await eventually(() => region.textContent()).toBe(
      "Quelle priorité ? 1 participant. Mobilité\u202f: 1 voix, 100\u00a0%\u202f; Logement\u202f: 0 voix, 0\u00a0%.",
    );
    await api(server.url, "POST", `/api/polls/${pollId}/close`, { token: key });
    await eventually(() => region.textContent()).toMatch(/^Sondage clos\. Quelle priorité \? 1 participant\./);
    expect(problems).toEqual([]);
    await context.close();
  });
});
