// A room's programme in real Chromium: the console lists the room's sessions and starts and ends
// them by hand; the screen's join panel names the session under way and its speakers.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import { CHROMIUM, DESKTOP, launchBrowser, newContext, startPageServer, type Watched, watchedPage } from "./browser.js";
import { eventually } from "./patience.js";

describe.skipIf(!CHROMIUM)("sessions in Chromium", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: Watched[] = [];
  let code = "";
  let key = "";
  let sessionId = "";

  async function open(url: string): Promise<Page> {
    const context = await newContext(browser, { viewport: DESKTOP });
    contexts.push(context);
    const w = await watchedPage(context);
    watched.push(w);
    await w.page.goto(server.url + url);
    return w.page;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès", rooms: [{ name: "Plénière" }] },
    });
    code = created.body.rooms[0].code;
    key = created.body.moderatorKey;
    const session = await api(server.url, "POST", `/api/rooms/${code}/sessions`, {
      token: key,
      body: { title: "Keynote", speakers: ["Ada Lovelace", "Grace Hopper"] },
    });
    sessionId = session.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the moderator starts and ends a session from the console; the screen names it while it is live", async () => {
    const moderator = await open(`/moderator#key=${encodeURIComponent(key)}&room=${code}`);
    const screen = await open(`/screen/${code}`);
    const panel = moderator.getByRole("region", { name: "Sessions" });
    const item = panel.locator(".session-item", { hasText: "Keynote" });
    await eventually(() => item.locator(".badge").textContent()).toBe("upcoming");
    await item.getByRole("button", { name: "Start", exact: true }).click();
    await eventually(() => item.locator(".badge").textContent()).toBe("live");
    await eventually(() => screen.locator(".join-session-title").textContent()).toBe("Keynote");
    expect(await screen.locator(".join-session-speakers").textContent()).toBe("Ada Lovelace, Grace Hopper");
    const session = await api(server.url, "GET", `/api/programme/${code}`);
    expect(session.body.sessions.find((s: any) => s.id === sessionId).status).toBe("live");

    await item.getByRole("button", { name: "End", exact: true }).click();
    await eventually(() => item.locator(".badge").textContent()).toBe("ended");
    await eventually(() => screen.locator(".join-session").count()).toBe(0);
    for (const w of watched) expect(w.problems).toEqual([]);
  });
});
