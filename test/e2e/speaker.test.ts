// The speaker's view in real Chromium, with the console that hands it over: a speaker key made in
// the console opens /speaker/<CODE> on a tablet; the view shows the question on screen large,
// the time left and a backstage message sent from the console; the speaker marks the question
// answered and puts another on screen; revoking the key closes the view. axe-clean in French and
// English, dark and light, and the question on screen needs no scrolling on common tablets.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import {
  axeViolations,
  CHROMIUM,
  DESKTOP,
  launchBrowser,
  newContext,
  startPageServer,
  type Watched,
  watchedPage,
} from "./browser.js";
import { describeViolations, eventually } from "./patience.js";

const TABLETS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
];

describe.skipIf(!CHROMIUM)("the speaker's view in Chromium", { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: Watched[] = [];
  let code = "";
  let key = "";
  const questions: Record<string, string> = {};

  async function open(url: string, options: Parameters<typeof newContext>[1] = {}): Promise<Page> {
    const context = await newContext(browser, { viewport: DESKTOP, ...options });
    contexts.push(context);
    const w = await watchedPage(context);
    watched.push(w);
    await w.page.goto(server.url + url);
    return w.page;
  }

  async function ask(text: string, upvotes = 0): Promise<string> {
    const asked = await api(server.url, "POST", `/api/rooms/${code}/questions`, {
      body: { participantId: `speaker_e2e_${text.length}_${upvotes}_asker`, text },
    });
    for (let i = 0; i < upvotes; i++) {
      await api(server.url, "POST", `/api/questions/${asked.body.id}/upvote`, {
        body: { participantId: `speaker_e2e_voter_${i}_x` },
      });
    }
    return asked.body.id;
  }

  const question = async (id: string) =>
    (await api(server.url, "GET", `/api/rooms/${code}/moderation`, { token: key })).body.questions.find((q: any) => q.id === id);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès régional", rooms: [{ name: "Auditorium" }] },
    });
    code = created.body.rooms[0].code;
    key = created.body.moderatorKey;
    const now = Date.now();
    const session = await api(server.url, "POST", `/api/rooms/${code}/sessions`, {
      token: key,
      body: {
        title: "Keynote: cities after cars",
        speakers: ["Ada Lovelace"],
        startsAt: new Date(now - 20 * 60_000).toISOString(),
        endsAt: new Date(now + 30 * 60_000).toISOString(),
      },
    });
    await api(server.url, "POST", `/api/sessions/${session.body.id}/start`, { token: key });
    questions.onScreen = await ask(
      "How will the city finance the new cycle lanes without raising local taxes, and who decides which streets come first?",
      3,
    );
    questions.next = await ask("What happens to delivery vans in the pedestrian zone?", 5);
    questions.other = await ask("Is there a timeline for the tram extension?", 1);
    await api(server.url, "POST", `/api/questions/${questions.onScreen}/moderate`, { token: key, body: { action: "highlight" } });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it("a speaker key made in the console opens the view; a message from the console shows; the speaker answers and highlights", async () => {
    const console_ = await open(`/moderator#key=${encodeURIComponent(key)}&room=${code}`);
    const keys = console_.getByRole("region", { name: "Room keys" });
    await keys.getByLabel("For").selectOption("speaker");
    await keys.getByLabel("Label (optional)").fill("Lectern tablet");
    await keys.getByRole("button", { name: "Create the key" }).click();
    const link = await keys.getByLabel("Speaker’s view link").inputValue();
    expect(link).toMatch(new RegExp(`/speaker/${code}\\?lang=en#key=`));
    await eventually(() => keys.locator(".key-item").count()).toBe(1);

    const speaker = await open(link.replace(/^https?:\/\/[^/]+/, ""), { viewport: TABLETS[1] });
    // The key left the address bar at once.
    expect(new URL(speaker.url()).hash).toBe("");
    await eventually(() => speaker.locator(".highlighted-text").textContent()).toContain("finance the new cycle lanes");
    await eventually(() => speaker.locator(".countdown-value").textContent()).toMatch(/^(29|30):\d\d$/);
    expect(await speaker.locator(".next-text").allTextContents()).toEqual([
      "What happens to delivery vans in the pedestrian zone?",
      "Is there a timeline for the tram extension?",
    ]);

    await console_
      .getByRole("region", { name: "Message to the speaker" })
      .getByRole("button", { name: "5 minutes left" })
      .click();
    await eventually(() => speaker.locator(".newest-message .message-text").textContent()).toBe("5 minutes left");
    const box = console_.getByRole("region", { name: "Message to the speaker" });
    await box.getByLabel("Message").fill("Two more questions, then the break");
    await box.getByRole("button", { name: "Send", exact: true }).click();
    await eventually(() => speaker.locator(".newest-message .message-text").textContent()).toBe(
      "Two more questions, then the break",
    );
    expect(await speaker.locator(".earlier-messages li").allTextContents()).toEqual([expect.stringContaining("5 minutes left")]);

    await speaker.getByRole("button", { name: "Mark answered", exact: true }).click();
    await eventually(async () => (await question(questions.onScreen!)).status).toBe("answered");
    await eventually(() => speaker.locator(".highlighted .badge").textContent()).toBe("Answered");
    await speaker.getByRole("button", { name: "Put on screen: What happens to delivery vans in the pedestrian zone?" }).click();
    await eventually(async () => (await question(questions.next!)).highlighted).toBe(true);
    await eventually(() => speaker.locator(".highlighted-text").textContent()).toBe(
      "What happens to delivery vans in the pedestrian zone?",
    );
    expect((await question(questions.onScreen!)).highlighted).toBe(false);

    // Revoked in the console: the view closes and says so.
    await keys.getByRole("button", { name: "Revoke the key Lectern tablet" }).click();
    await eventually(() => speaker.locator("h1").textContent()).toBe(
      "This link does not open the room (any more). Ask the moderators for a new one.",
    );
    await eventually(() => keys.locator(".key-item").count()).toBe(0);
    // The page offers to type another key rather than leave the speaker stuck.
    await speaker.getByRole("button", { name: "Enter another key" }).click();
    await speaker.getByLabel("Speaker key").waitFor();
    for (const w of watched) expect(w.problems).toEqual([]);
    for (const w of watched) expect(w.dialogs).toEqual([]);
  });

  it("a room moderator's link opens the console on its room alone: no event settings, no keys; it moderates", async () => {
    const made = await api(server.url, "POST", `/api/rooms/${code}/keys`, {
      token: key,
      body: { role: "moderator", label: "Volunteer" },
    });
    const page = await open(`/moderator#key=${encodeURIComponent(made.body.key)}&room=${code}`);
    await page.locator(".q-row").first().waitFor();
    expect(await page.locator(".room-list li").count()).toBe(1);
    expect(await page.locator("#new-room").count()).toBe(0);
    expect(await page.getByRole("region", { name: "Room keys" }).count()).toBe(0);
    const box = page.getByRole("region", { name: "Message to the speaker" });
    await box.getByRole("button", { name: "Last question" }).click();
    await eventually(
      async () => (await api(server.url, "GET", `/api/rooms/${code}/moderation`, { token: key })).body.messages.at(-1).text,
    ).toBe("Last question");
    // A speaker's key in the console points to the speaker's view instead.
    const speakerKey = (await api(server.url, "POST", `/api/rooms/${code}/keys`, { token: key, body: { role: "speaker" } })).body
      .key;
    const other = await open(`/moderator#key=${encodeURIComponent(speakerKey)}`);
    await other.getByRole("link", { name: "Open the speaker’s view" }).click();
    await other.locator(".highlighted").waitFor();
    expect(new URL(other.url()).pathname).toBe(`/speaker/${code}`);
    for (const w of watched) expect(w.problems).toEqual([]);
  });

  it("shows the question on screen without scrolling on tablets, and is axe-clean in French and English, dark and light", async () => {
    const made = await api(server.url, "POST", `/api/rooms/${code}/keys`, { token: key, body: { role: "speaker" } });
    await api(server.url, "POST", `/api/rooms/${code}/messages`, { token: key, body: { text: "Plus que 5 minutes" } });
    for (const viewport of TABLETS) {
      for (const [lang, locale] of [
        ["fr", "fr-FR"],
        ["en", "en-GB"],
      ] as const) {
        for (const colorScheme of ["dark", "light"] as const) {
          const context = await browser.newContext({ locale, viewport, colorScheme, bypassCSP: true });
          contexts.push(context);
          const page = await context.newPage();
          page.setDefaultTimeout(10_000);
          await page.goto(`${server.url}/speaker/${code}#key=${encodeURIComponent(made.body.key)}`);
          await page.locator(".highlighted-text").waitFor();
          await page.locator(".newest-message").waitFor();
          const what = `${lang} ${colorScheme} ${viewport.width}×${viewport.height}`;
          expect(await page.evaluate(() => document.documentElement.lang), what).toBe(lang);
          // The whole card, its buttons included, is in the first screen.
          const card = await page.locator(".highlighted").boundingBox();
          expect(card!.y + card!.height, what).toBeLessThanOrEqual(viewport.height);
          expect(await page.evaluate(() => document.documentElement.scrollHeight), what).toBeLessThanOrEqual(viewport.height);
          const violations = await axeViolations(page);
          expect(violations, `${what}\n${describeViolations(violations)}`).toEqual([]);
          // The switch turns the other theme on, and axe stays clean there too.
          await page.locator(".theme-switch").click();
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(
            colorScheme === "dark" ? "light" : "dark",
          );
          const switched = await axeViolations(page);
          expect(switched, `${what}, switched\n${describeViolations(switched)}`).toEqual([]);
          await context.close();
        }
      }
    }
  });
});
