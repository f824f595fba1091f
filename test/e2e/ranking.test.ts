// A ranking poll end to end in real Chromium: the moderator creates and opens it in the console, two
// phones put the options in order with the "move" buttons (by pointer and by keyboard) and send,
// the screen and the console show the options by Borda points, most first. Then axe-core checks
// the ranking's ballot, screen and console, in French and in English.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import {
  axeViolations,
  CHROMIUM,
  DESKTOP,
  launchBrowser,
  newContext,
  PHONE,
  startPageServer,
  type Watched,
  watchedPage,
} from "./browser.js";
import { describeViolations, eventually } from "./patience.js";

const texts = (locator: Locator) => locator.evaluateAll((els) => els.map((el) => (el.textContent ?? "").trim()));

const TITLE = "Comment venir au congrès ?";

describe.skipIf(!CHROMIUM)("ranking poll in Chromium", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: Watched[] = [];
  let code = "";
  let key = "";
  let moderator: Page;
  let screen: Page;
  const phones: Page[] = [];

  async function open(viewport: { width: number; height: number }, url: string): Promise<Page> {
    const context = await newContext(browser, { viewport });
    contexts.push(context);
    const w = await watchedPage(context);
    watched.push(w);
    await w.page.goto(server.url + url);
    return w.page;
  }

  /** The phone's options, in the order it shows them. */
  const order = (phone: Page) => texts(phone.locator(".ranking li .option"));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès", rooms: [{ name: "Plénière" }] },
    });
    code = created.body.rooms[0].code;
    key = created.body.moderatorKey;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the moderator creates a ranking poll in the console and opens it", async () => {
    moderator = await open(DESKTOP, `/moderator#key=${encodeURIComponent(key)}&room=${code}`);
    await moderator.getByLabel("Question of the poll").fill(TITLE);
    await moderator.getByRole("radio", { name: "Ranking" }).check();
    await moderator.getByLabel("Option 1", { exact: true }).fill("Tram");
    await moderator.getByLabel("Option 2", { exact: true }).fill("Bike");
    await moderator.getByRole("button", { name: "Add an option" }).click();
    await moderator.getByLabel("Option 3", { exact: true }).fill("Bus");
    await moderator.getByRole("button", { name: "Create and open" }).click();
    const card = moderator.locator(".poll-card.open");
    await card.getByRole("heading", { name: TITLE }).waitFor();
    await card.getByText("Ranking").waitFor();
  });

  it("a phone reorders with the buttons, hears each move, and sends", async () => {
    screen = await open(DESKTOP, `/screen/${code}`);
    await screen.getByRole("heading", { name: TITLE }).waitFor();
    const phone = await open(PHONE, `/${code}`);
    phones.push(phone);
    await eventually(() => order(phone)).toEqual(["Tram", "Bike", "Bus"]);
    // The first row cannot go up, the last cannot go down.
    expect(await phone.getByRole("button", { name: "“Tram”, position 1: move up" }).isDisabled()).toBe(true);
    await phone.getByRole("button", { name: "“Bus”, position 3: move up" }).click();
    await eventually(() => order(phone)).toEqual(["Tram", "Bus", "Bike"]);
    await phone.getByText("“Bus” moved to position 2.").waitFor();
    // The focus stays on the moved option's button: Enter moves it again.
    await eventually(() => phone.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "“Bus”, position 2: move up",
    );
    await phone.keyboard.press("Enter");
    await eventually(() => order(phone)).toEqual(["Bus", "Tram", "Bike"]);
    await phone.getByText("“Bus” moved to position 1.").waitFor();
    await phone.getByRole("button", { name: "Send my ranking" }).click();
    await phone.getByText("Your answer is counted").waitFor();
  });

  it("another phone does it with the keyboard alone", async () => {
    const phone = await open(PHONE, `/${code}`);
    phones.push(phone);
    await phone.getByRole("button", { name: "“Tram”, position 1: move down" }).focus();
    await phone.keyboard.press("Space");
    await eventually(() => order(phone)).toEqual(["Bike", "Tram", "Bus"]);
    await phone.keyboard.press("Enter");
    await eventually(() => order(phone)).toEqual(["Bike", "Bus", "Tram"]);
    // At the bottom its "down" button is disabled: the focus moved to its "up" one.
    await eventually(() => phone.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "“Tram”, position 3: move up",
    );
    await phone.keyboard.press("Tab");
    await phone.keyboard.press("Enter");
    await phone.getByText("Your answer is counted").waitFor();
  });

  it("the screen and the console show the options by points, most first", async () => {
    // Bus: 2 + 1, Bike: 0 + 2, Tram: 1 + 0.
    await eventually(() => texts(screen.locator(".big-bars li .option"))).toEqual(["Bus", "Bike", "Tram"]);
    await eventually(() =>
      screen.locator(".big-bars li").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-count")))),
    ).toEqual([3, 2, 1]);
    await screen.locator(".big-bars li").first().getByText("3 points").waitFor();
    const bars = moderator.locator(".poll-card.open .bars li");
    await eventually(() => texts(bars.locator(".option"))).toEqual(["Bus", "Bike", "Tram"]);
    await eventually(() => texts(bars.locator(".count"))).toEqual(["3 points", "2 points", "1 point"]);
  });

  it("the phone shows its sent order after a reload", async () => {
    const phone = phones[0]!;
    await phone.reload();
    await eventually(() => order(phone)).toEqual(["Bus", "Tram", "Bike"]);
  });

  it("saw no page error, no CSP violation and no dialog on any page", async () => {
    expect(watched.flatMap((w) => w.problems)).toEqual([]);
    expect(watched.flatMap((w) => w.dialogs)).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  });

  for (const { lang, locale } of [
    { lang: "fr", locale: "fr-FR" },
    { lang: "en", locale: "en-GB" },
  ]) {
    it(`passes axe (WCAG 2.1 A and AA) on the ballot, the screen and the console, ${lang}`, async () => {
      const check = async (viewport: typeof PHONE, url: string, ready: (page: Page) => Promise<unknown>) => {
        // axe is injected as a script tag, which the pages' own CSP would refuse.
        const context = await browser.newContext({ locale, viewport, bypassCSP: true });
        const page = await context.newPage();
        page.setDefaultTimeout(10_000);
        await page.goto(server.url + url);
        await ready(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        const violations = await axeViolations(page);
        await context.close();
        expect(violations, describeViolations(violations)).toEqual([]);
      };
      await check(PHONE, `/${code}`, async (page) => {
        await page.locator(".ranking li button:not([disabled])").last().click();
        await expect.poll(() => page.locator("form p.vh[aria-live=polite]").textContent()).not.toBe("");
      });
      await check(DESKTOP, `/screen/${code}`, (page) => page.locator(".big-bars li").first().waitFor());
      await check(DESKTOP, `/moderator#key=${encodeURIComponent(key)}&room=${code}`, (page) =>
        page.locator(".poll-card.open .bars li").first().waitFor(),
      );
    });
  }
});
