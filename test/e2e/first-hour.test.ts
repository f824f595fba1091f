// In real Chromium: the "not found" page a phone sees, the screen's corner for latecomers and its
// language, and links to the screen that carry the console's language.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import { CHROMIUM, launchBrowser, newContext, PHONE, startPageServer, watchedPage } from "./browser.js";

describe.skipIf(!CHROMIUM)("the first hour, in a browser", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let code = "";
  let key = "";
  const contexts: BrowserContext[] = [];
  const context = async (options: Parameters<typeof newContext>[1] = {}) => {
    const c = await newContext(browser, options);
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès", rooms: [{ name: "Plénière" }] },
    });
    code = created.body.rooms[0].code;
    key = created.body.moderatorKey;
    const poll = await api(server.url, "POST", `/api/rooms/${code}/polls`, {
      token: key,
      body: { title: "Quelle priorité\u202f?", kind: "single", options: ["Mobilité", "Logement"] },
    });
    await api(server.url, "POST", `/api/polls/${poll.body.id}/open`, { token: key });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it("shows a phone a French 404 page for a mistyped address, strict CSP, with a way home", async () => {
    const { page, problems } = await watchedPage(await context({ locale: "fr-FR", viewport: PHONE }));
    const res = await page.goto(`${server.url}/organiser`);
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Cette page n’existe pas");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await page.locator("a.home").click();
    await page.locator("#code").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(problems).toEqual([]);
  });

  it("shows latecomers a QR code of the join link and the room code while a poll is on screen", async () => {
    const { page, problems } = await watchedPage(await context({ locale: "fr-FR" }));
    await page.goto(`${server.url}/screen/${code}`);
    await page.locator(".big-bars").waitFor();
    const qr = page.locator("svg.corner-qr");
    expect(await qr.getAttribute("aria-label")).toContain(`${server.url}/${code}`);
    expect(await page.locator(".corner-code").textContent()).toContain(code);
    // Legible from the room, and out of the poll's way.
    const [box, title] = [await qr.boundingBox(), await page.locator(".poll-title").boundingBox()];
    expect(box!.width).toBeGreaterThanOrEqual(100);
    expect(box!.y + box!.height).toBeLessThanOrEqual(title!.y);
    expect(problems).toEqual([]);
  });

  it("honours ?lang on the screen, and its switch changes the language", async () => {
    const { page } = await watchedPage(await context({ locale: "fr-FR" }));
    await page.goto(`${server.url}/screen/${code}?lang=en`);
    await page.locator(".corner-lead").getByText("Join at").waitFor();
    await page.locator("button.screen-lang").click();
    await page.locator(".corner-lead").getByText("Participez sur").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
  });

  it("opens the screen from the console in the console's language", async () => {
    const { page } = await watchedPage(await context({ locale: "fr-FR" }));
    await page.goto(`${server.url}/moderator#key=${encodeURIComponent(key)}&room=${code}`);
    const open = page.locator(`a[href^="/screen/${code}"]`);
    await open.waitFor();
    expect(await open.getAttribute("href")).toBe(`/screen/${code}?lang=fr`);
  });
});
