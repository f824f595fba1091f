// A phone refused by admission control in real Chromium: with the node's window full (a
// connection open and not yet joined, as in a storm), the audience page says in French that
// many people are joining and when it tries again, then joins by itself once there is room:
// never a dead end.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createEvent } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { CHROMIUM, launchBrowser, newContext, PHONE, startPageServer, watchedPage } from "./browser.js";

describe.skipIf(!CHROMIUM)("a phone in a join storm, in Chromium", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startPageServer({ admissionMax: 1 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it("waits with a clear message while the node is busy, then joins by itself", async () => {
    const ev = await createEvent(server.url, { title: "Plénière" });
    // A join in progress that fills the window: its connection is open, its handshake not sent yet.
    const crowd = new WebSocket(`${server.url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, {
      headers: { origin: server.url },
    });
    await new Promise<void>((opened, failed) => {
      crowd.once("message", () => opened());
      crowd.once("error", failed);
    });

    const context = await newContext(browser, { locale: "fr-FR", viewport: PHONE });
    contexts.push(context);
    const { page } = await watchedPage(context);
    await page.goto(`${server.url}/${ev.code}`);
    const banner = page.getByRole("status").filter({ hasText: "Beaucoup de monde" });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/^Beaucoup de monde se connecte en même temps\u202f: nouvel essai dans \d+ s\.$/);

    crowd.close(); // the storm passes
    await page.getByRole("link", { name: "Questions" }).waitFor();
    await expect.poll(() => page.locator(".banner").getAttribute("data-link"), { timeout: 10_000 }).toBe("online");
  });
});
