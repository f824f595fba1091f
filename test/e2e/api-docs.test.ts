// The API page in Chromium: it renders the routes and events of the two documents under the strict
// CSP, loads nothing from another origin, reads in French and in English, and axe finds no WCAG 2.1
// A/AA violation on a phone and a laptop.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../helpers/server.js";
import { axeViolations, CHROMIUM, DESKTOP, launchBrowser, newContext, PHONE, startPageServer, watchedPage } from "./browser.js";

const COMBOS = [
  { lang: "fr", locale: "fr-FR", viewport: PHONE, h1: "L’API de Tribune", who: "modérateur" },
  { lang: "en", locale: "en-GB", viewport: DESKTOP, h1: "Tribune’s API", who: "moderator" },
] as const;

describe.skipIf(!CHROMIUM)("API page in Chromium", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const combo of COMBOS) {
    it(`${combo.lang}, ${combo.viewport.width}×${combo.viewport.height}: routes and events listed, same origin only`, async () => {
      const context = await newContext(browser, { locale: combo.locale, viewport: combo.viewport });
      try {
        const { page, problems } = await watchedPage(context);
        const origins = new Set<string>();
        page.on("request", (request) => origins.add(new URL(request.url()).origin));
        await page.goto(`${server.url}/api-docs`);
        await page.getByRole("heading", { level: 1, name: combo.h1 }).waitFor();
        await page.getByRole("heading", { level: 3, name: "/api/rooms/{code}/polls" }).waitFor();
        const main = (await page.locator("main").textContent()) ?? "";
        for (const text of ["POST", "Create a draft poll", "title", "poll:create", "question:moderate", "results", combo.who]) {
          expect(main).toContain(text);
        }
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(combo.lang);
        expect(problems).toEqual([]);
        expect([...origins]).toEqual([server.url]);
      } finally {
        await context.close();
      }
    });

    it(`${combo.lang}, ${combo.viewport.width}×${combo.viewport.height}: axe clean`, async () => {
      // axe is injected as a script tag, which the page's own CSP would refuse.
      const context = await newContext(browser, { locale: combo.locale, viewport: combo.viewport, bypassCSP: true });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(10_000);
        await page.goto(`${server.url}/api-docs`);
        await page.getByRole("heading", { level: 2 }).first().waitFor();
        await page.locator(".api-ops").first().waitFor();
        const violations = await axeViolations(page);
        expect(violations, violations.map((v) => `${v.id}: ${v.nodes.join(", ")}`).join("\n")).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
