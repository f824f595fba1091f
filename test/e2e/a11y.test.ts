// axe-core in real Chromium: no WCAG 2.1 A/AA violation on any page, in French and in English,
// on a phone (360×640) and a laptop (1280×800), with real content in every state shown.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import { axeViolations, CHROMIUM, DESKTOP, launchBrowser, PHONE, startPageServer } from "./browser.js";
import { describeViolations } from "./patience.js";

interface Fixture {
  code: string;
  key: string;
}

interface Target {
  name: string;
  /** Only at this size, when a state is too costly to check at both. */
  only?: "phone" | "desktop";
  open(page: Page, f: Fixture, server: TestServer): Promise<void>;
}

const screenMode = (server: TestServer, f: Fixture, mode: string) =>
  api(server.url, "PATCH", `/api/rooms/${f.code}`, { token: f.key, body: { screen: { mode } } });

const TARGETS: Target[] = [
  {
    name: "audience home",
    async open(page, _f, server) {
      await page.goto(`${server.url}/`);
      await page.locator("#code").waitFor();
    },
  },
  {
    name: "audience poll, after voting",
    async open(page, f, server) {
      await page.goto(`${server.url}/${f.code}`);
      await page.locator(".choice").first().click();
      await page.locator(".vote-status.ok").waitFor();
    },
  },
  {
    name: "audience questions, with one's own",
    async open(page, f, server) {
      await page.goto(`${server.url}/${f.code}#questions`);
      await page.locator("#q-text").fill("Une question de test d’accessibilité");
      await page.locator("form button[type=submit]").click();
      await page.locator(".mine li").first().waitFor();
      await page.locator(".questions li").first().waitFor();
    },
  },
  {
    name: "screen, join panel",
    async open(page, f, server) {
      await screenMode(server, f, "join");
      await page.goto(`${server.url}/screen/${f.code}`);
      await page.locator(".join-qr").waitFor();
    },
  },
  {
    name: "screen, poll results",
    async open(page, f, server) {
      await screenMode(server, f, "poll");
      await page.goto(`${server.url}/screen/${f.code}`);
      await page.locator(".big-bars").waitFor();
      await page.locator(".corner-qr").waitFor();
    },
  },
  {
    name: "screen, highlighted question",
    only: "desktop",
    async open(page, f, server) {
      await screenMode(server, f, "question");
      await page.goto(`${server.url}/screen/${f.code}`);
      await page.locator(".q-big").waitFor();
    },
  },
  {
    name: "screen, top questions",
    only: "desktop",
    async open(page, f, server) {
      await screenMode(server, f, "questions");
      await page.goto(`${server.url}/screen/${f.code}`);
      await page.locator(".top-questions li").first().waitFor();
    },
  },
  {
    name: "page not found",
    async open(page, _f, server) {
      await page.goto(`${server.url}/no-such-page`);
      await page.locator("a.home").waitFor();
    },
  },
  {
    name: "organizer form",
    async open(page, _f, server) {
      await page.goto(`${server.url}/organizer`);
      await page.locator("#event-title").waitFor();
    },
  },
  {
    name: "organizer, event created",
    async open(page, _f, server) {
      await page.goto(`${server.url}/organizer`);
      await page.locator("#token").fill(server.adminToken);
      await page.locator("#event-title").fill("Axe");
      await page.locator("#room-0").fill("A");
      await page.locator("#room-1").fill("B");
      await page.locator(".org-form button[type=submit]").click();
      await page.locator("svg.room-qr").nth(1).waitFor();
    },
  },
  {
    name: "console sign-in",
    async open(page, _f, server) {
      await page.goto(`${server.url}/moderator`);
      await page.locator("#key").waitFor();
    },
  },
  {
    name: "console, a room with polls and questions",
    async open(page, f, server) {
      await page.goto(`${server.url}/moderator#key=${encodeURIComponent(f.key)}&room=${f.code}`);
      await page.locator(".poll-card").first().waitFor();
      await page.locator(".q-row").first().waitFor();
      // Unfold the poll builder, so axe sees its form too.
      await page.locator(".builder > summary").click();
      await page.locator("#poll-title-input").waitFor();
    },
  },
  {
    name: "console, shortcuts overlay",
    only: "desktop",
    async open(page, f, server) {
      await page.goto(`${server.url}/moderator#key=${encodeURIComponent(f.key)}&room=${f.code}`);
      await page.locator(".q-row").first().waitFor();
      await page.keyboard.press("?");
      await page.locator("dialog[open]").waitFor();
    },
  },
];

const COMBOS = [
  { lang: "fr", locale: "fr-FR", size: "phone", viewport: PHONE },
  { lang: "en", locale: "en-GB", size: "phone", viewport: PHONE },
  { lang: "fr", locale: "fr-FR", size: "desktop", viewport: DESKTOP },
  { lang: "en", locale: "en-GB", size: "desktop", viewport: DESKTOP },
] as const;

describe.skipIf(!CHROMIUM)("accessibility: axe-core, WCAG 2.1 A and AA", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const fixture: Fixture = { code: "", key: "" };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès", rooms: [{ name: "Plénière" }] },
    });
    fixture.code = created.body.rooms[0].code;
    fixture.key = created.body.moderatorKey;
    const auth = { token: fixture.key };
    const poll = await api(server.url, "POST", `/api/rooms/${fixture.code}/polls`, {
      ...auth,
      body: { title: "Quelle priorité ?", kind: "single", options: ["Mobilité", "Logement", "Climat"] },
    });
    await api(server.url, "POST", `/api/polls/${poll.body.id}/open`, auth);
    await api(server.url, "POST", `/api/rooms/${fixture.code}/polls`, {
      ...auth,
      body: { title: "Un mot ?", kind: "wordcloud" },
    });
    const asked = await api(server.url, "POST", `/api/rooms/${fixture.code}/questions`, {
      body: { participantId: "axe_participant_0001", text: "Comment financer les pistes cyclables ?", author: "Claire" },
    });
    await api(server.url, "POST", `/api/questions/${asked.body.id}/moderate`, { ...auth, body: { action: "highlight" } });
    await api(server.url, "PATCH", `/api/rooms/${fixture.code}`, { ...auth, body: { premoderation: true } });
    await api(server.url, "POST", `/api/rooms/${fixture.code}/questions`, {
      body: { participantId: "axe_participant_0002", text: "En attente de validation" },
    });
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
        // axe is injected as a script tag, which the pages' own CSP would refuse.
        context = await browser.newContext({ locale: combo.locale, viewport: combo.viewport, bypassCSP: true });
        page = await context.newPage();
        page.setDefaultTimeout(10_000);
      });
      afterAll(() => context?.close());

      for (const target of TARGETS) {
        it.skipIf(target.only !== undefined && target.only !== combo.size)(target.name, async () => {
          await target.open(page, fixture, server);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(combo.lang);
          const violations = await axeViolations(page);
          expect(violations, describeViolations(violations)).toEqual([]);
        });
      }
    });
  }
});
