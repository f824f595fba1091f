// A congress room end to end in real Chromium: the organizer creates the event, the moderator
// runs a poll and a Q&A round, three phones take part, the screen shows it all. Pages run under a
// strict CSP (checked on every document); any page error, CSP violation or dialog fails the test.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import { CHROMIUM, DESKTOP, launchBrowser, newContext, PHONE, startPageServer, type Watched, watchedPage } from "./browser.js";
import { eventually } from "./patience.js";

/** Waits until the locator's text (trimmed) is `text`. */
const hasText = (locator: Locator, text: string) =>
  eventually(async () => ((await locator.textContent()) ?? "").trim()).toBe(text);

/** Waits until the locator's attribute `name` is `value`. */
const hasAttribute = (locator: Locator, name: string, value: string) => eventually(() => locator.getAttribute(name)).toBe(value);

const XSS = "<img src=x onerror=alert(1)>";

describe.skipIf(!CHROMIUM)("congress flow in Chromium", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: Watched[] = [];
  let organizer: Page;
  let moderator: Page;
  let screen: Page;
  const phones: Page[] = [];
  const phoneContexts: BrowserContext[] = [];
  let code = "";
  let moderatorKey = "";

  async function open(
    viewport: { width: number; height: number },
    url: string,
  ): Promise<{ page: Page; context: BrowserContext }> {
    const context = await newContext(browser, { viewport });
    contexts.push(context);
    const w = await watchedPage(context);
    watched.push(w);
    await w.page.goto(server.url + url);
    return { page: w.page, context };
  }

  /** Counts shown on the screen's bars, in option order. */
  const screenCounts = () =>
    screen.locator(".big-bars li").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-count"))));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lets the organizer create an event and shows the key once with links", async () => {
    ({ page: organizer } = await open(DESKTOP, "/organizer"));
    await organizer.getByLabel("Admin token").fill(server.adminToken);
    await organizer.getByLabel("Event title").fill("Congrès des territoires");
    await organizer.getByLabel("Name of room 1").fill("Plénière");
    await organizer.getByLabel("Name of room 2").fill("Table ronde A");
    await organizer.getByRole("button", { name: "Create the event" }).click();
    await organizer.getByRole("heading", { name: "Event created: Congrès des territoires" }).waitFor();
    moderatorKey = await organizer.getByRole("textbox", { name: "Moderator key", exact: true }).inputValue();
    expect(moderatorKey.length).toBeGreaterThan(10);
    const card = organizer.locator(".room-card").first();
    code = (await card.getAttribute("data-code"))!;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await eventually(() => card.getByLabel("Audience link").inputValue()).toBe(`${server.url}/${code}`);
    expect(await card.locator("svg.room-qr").count()).toBe(1);
    const consoleLink = await card.getByLabel("Console link (contains the key)").inputValue();
    expect(consoleLink).toBe(`${server.url}/moderator#key=${encodeURIComponent(moderatorKey)}&room=${code}`);
  });

  it("signs the moderator in from the link, keeps the key out of the address bar, opens a poll", async () => {
    ({ page: moderator } = await open(DESKTOP, `/moderator#key=${encodeURIComponent(moderatorKey)}&room=${code}`));
    await moderator.getByRole("heading", { name: "Congrès des territoires" }).waitFor();
    expect(moderator.url()).toBe(`${server.url}/moderator#room=${code}`);
    await moderator.getByLabel("Question of the poll").fill("Quelle priorité pour 2027 ?");
    await moderator.getByLabel("Option 1", { exact: true }).fill("Mobilités");
    await moderator.getByLabel("Option 2", { exact: true }).fill("Logement");
    await moderator.getByRole("button", { name: "Add an option" }).click();
    await moderator.getByLabel("Option 3", { exact: true }).fill("Transition énergétique");
    await moderator.getByRole("button", { name: "Create and open" }).click();
    await moderator.locator(".poll-card.open").getByRole("heading", { name: "Quelle priorité pour 2027 ?" }).waitFor();
  });

  it("has three phones vote and the screen show the exact counts", async () => {
    ({ page: screen } = await open(DESKTOP, `/screen/${code}`));
    await screen.getByRole("heading", { name: "Quelle priorité pour 2027 ?" }).waitFor();
    // Three phones, each with its own storage (so its own participant id). Lower case, as someone
    // would type it: the code is case-insensitive.
    const opened = await Promise.all([0, 1, 2].map(() => open(PHONE, `/${code.toLowerCase()}`)));
    for (const { page, context } of opened) {
      phones.push(page);
      phoneContexts.push(context);
    }
    const choices = ["Mobilités", "Logement", "Logement"];
    await Promise.all(
      phones.map(async (phone, i) => {
        await phone.getByRole("button", { name: choices[i] }).click();
        await phone.getByText("Your answer is counted").waitFor();
        await hasAttribute(phone.getByRole("button", { name: choices[i] }), "aria-pressed", "true");
      }),
    );
    await eventually(screenCounts).toEqual([1, 2, 0]);
    // The console's overview counts the phones connected to the room, live.
    await hasText(moderator.locator(`li[data-room="${code}"] [data-participants]`), "3");
    await screen.getByText("3 participants").waitFor();
    await screen.locator(".big-bars li").nth(1).getByText("67%").waitFor();
    await moderator.locator(".poll-card.open").getByText("3 participants").waitFor();
    // A phone changes its mind: replaced, not added.
    await phones[0]!.getByRole("button", { name: "Transition énergétique" }).click();
    await eventually(screenCounts).toEqual([0, 2, 1]);
    const pollId = (await api(server.url, "GET", `/api/rooms/${code}`)).body.polls[0].id;
    const results = await api(server.url, "GET", `/api/polls/${pollId}/results`);
    expect(results.body).toMatchObject({ voters: 3, counts: [0, 2, 1] });
  });

  it("takes a question from pending to approved to highlighted, and onto the screen", async () => {
    await moderator.getByLabel("Approve questions before they are published (pre-moderation)").check();
    await eventually(async () => (await api(server.url, "GET", `/api/rooms/${code}`)).body.room.premoderation).toBe(true);
    const [asker, other] = [phones[0]!, phones[1]!];
    await asker.getByRole("link", { name: "Questions" }).click();
    await asker.getByLabel("Your question").fill("Comment financer les pistes cyclables ?");
    await asker.getByLabel("Your name (optional)").fill("Claire, maire adjointe");
    await asker.getByRole("button", { name: "Send my question" }).click();
    const mine = asker.locator(".mine li", { hasText: "Comment financer les pistes cyclables ?" });
    await hasText(mine.locator(".badge"), "waiting for approval");

    await other.getByRole("link", { name: "Questions" }).click();
    await other.getByText("No questions yet").waitFor();

    const row = moderator.locator(".q-row", { hasText: "Comment financer les pistes cyclables ?" });
    await row.waitFor();
    await moderator.locator("#queue-title .count-pill").getByText("1").waitFor();
    await moderator.locator(`li[data-room="${code}"] [data-pending]`).getByText("1").waitFor();
    // Keyboard triage: select the row, `a` approves, `h` highlights.
    await row.locator(".q-main").click();
    await moderator.keyboard.press("a");
    await hasText(mine.locator(".badge"), "published");
    await other.locator(".question", { hasText: "Comment financer les pistes cyclables ?" }).waitFor();
    await moderator.locator("#live-title .count-pill").getByText("1").waitFor();
    await moderator.locator(".q-row", { hasText: "Comment financer les pistes cyclables ?" }).locator(".q-main").click();
    await moderator.keyboard.press("h");

    await screen.locator(".q-big").getByText("Comment financer les pistes cyclables ?").waitFor();
    await screen.getByText("— Claire, maire adjointe").waitFor();
    await other.locator(".question.highlighted").getByText("On screen").waitFor();

    // The `?` overlay documents the keys and closes with Escape.
    await moderator.keyboard.press("?");
    await moderator.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await moderator.keyboard.press("Escape");
    await moderator.getByRole("dialog").waitFor({ state: "hidden" });
  });

  it("shows a question made of markup as text everywhere and runs nothing", async () => {
    const asker = phones[1]!;
    await asker.getByLabel("Your question").fill(XSS);
    await asker.getByRole("button", { name: "Send my question" }).click();
    await asker.locator(".mine li").getByText(XSS, { exact: true }).waitFor();
    // The moderator is reading (a question is selected): the new one waits behind "1 new question".
    await moderator.getByRole("button", { name: /^1 new question/ }).click();
    const row = moderator.locator(".q-row", { hasText: XSS });
    await row.getByRole("button", { name: /Approve/ }).click();
    await moderator
      .locator(".q-row", { hasText: XSS })
      .getByRole("button", { name: /Highlight on screen/ })
      .click();
    await screen.locator(".q-big").getByText(XSS, { exact: true }).waitFor();
    await moderator.getByRole("radio", { name: "Top questions" }).check();
    await screen.getByRole("heading", { name: "Top questions" }).waitFor();
    await screen.locator(".top-questions").getByText(XSS, { exact: true }).waitFor();
    for (const phone of phones) {
      await phone.getByRole("link", { name: "Questions" }).click();
      await phone.locator(".questions").getByText(XSS, { exact: true }).waitFor();
    }
    for (const page of [moderator, screen, ...phones]) {
      expect(await page.locator("img").count()).toBe(0);
    }
    await moderator.getByRole("radio", { name: /^Automatic/ }).check();
  });

  it("reconnects every page by itself when the server drops all connections", async () => {
    server.app.io.local.disconnectSockets(true);
    await api(server.url, "PATCH", `/api/rooms/${code}`, { token: moderatorKey, body: { screen: { mode: "join" } } });
    await screen.locator(".join-qr").waitFor();
    await hasText(screen.locator(".join-code"), code);
    await eventually(() => moderator.getByRole("radio", { name: "Join panel (QR code and code)" }).isChecked()).toBe(true);
    // Back online, the console drives the screen again.
    await moderator.getByRole("radio", { name: /^Automatic/ }).check();
    await screen.locator(".q-big").waitFor();
    await phones[0]!.getByRole("link", { name: "Poll" }).click();
    await phones[0]!.getByRole("button", { name: "Mobilités" }).click();
    const pollId = (await api(server.url, "GET", `/api/rooms/${code}`)).body.polls[0].id;
    await eventually(async () => (await api(server.url, "GET", `/api/polls/${pollId}/results`)).body.counts).toEqual([1, 2, 0]);
  });

  it("queues a vote and a question made offline and sends each once on reconnection", async () => {
    await moderator.getByLabel("Question of the poll").fill("Votre niveau de satisfaction ?");
    await moderator.getByRole("radio", { name: "Scale from 1 to 5" }).check();
    await moderator.getByRole("button", { name: "Create and open" }).click();
    const phone = phones[2]!;
    const context = phoneContexts[2]!;
    await phone.getByRole("link", { name: "Poll" }).click();
    await phone.getByRole("heading", { name: "Votre niveau de satisfaction ?" }).waitFor();

    await context.setOffline(true);
    await phone.getByText("You are offline.").waitFor();
    await phone.getByRole("button", { name: "4", exact: true }).click();
    await phone.getByText("1 action will be sent when you are back online.").waitFor();
    await phone.getByText("Your answer is saved on this phone").waitFor();
    await phone.getByRole("link", { name: "Questions" }).click();
    await phone.getByLabel("Your question").fill("Question posée hors ligne");
    await phone.getByRole("button", { name: "Send my question" }).click();
    await phone.getByText("2 actions will be sent when you are back online.").waitFor();
    await hasText(phone.locator(".mine li", { hasText: "Question posée hors ligne" }).locator(".badge"), "not sent yet");

    await context.setOffline(false);
    await hasText(phone.locator(".mine li", { hasText: "Question posée hors ligne" }).locator(".badge"), "waiting for approval");
    const state = (await api(server.url, "GET", `/api/rooms/${code}`)).body;
    const scale = state.polls.find((p: { title: string }) => p.title === "Votre niveau de satisfaction ?");
    await eventually(async () => (await api(server.url, "GET", `/api/polls/${scale.id}/results`)).body).toMatchObject({
      voters: 1,
      counts: [0, 0, 0, 1, 0],
    });

    // Flapping again and reloading sends nothing twice.
    await context.setOffline(true);
    await context.setOffline(false);
    await phone.reload();
    await phone.getByRole("link", { name: "Poll" }).click();
    await hasAttribute(phone.getByRole("button", { name: "4", exact: true }), "aria-pressed", "true");
    const moderation = await api(server.url, "GET", `/api/rooms/${code}/moderation`, { token: moderatorKey });
    expect(moderation.body.questions.filter((q: { text: string }) => q.text === "Question posée hors ligne")).toHaveLength(1);
    expect((await api(server.url, "GET", `/api/polls/${scale.id}/results`)).body).toMatchObject({
      voters: 1,
      counts: [0, 0, 0, 1, 0],
    });
  });

  it("switches a phone to French and remembers it", async () => {
    const phone = phones[1]!;
    await phone.getByRole("button", { name: "Français" }).click();
    await phone.getByRole("link", { name: "Sondage" }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe("fr");
    await phone.reload();
    await phone.getByRole("link", { name: "Questions" }).waitFor();
    await phone.getByRole("link", { name: "Sondage" }).waitFor();
    await phone.getByRole("button", { name: "English" }).click();
    await phone.getByRole("link", { name: "Poll" }).waitFor();
  });

  it("downloads the room's CSV export, fetched with the key", async () => {
    const [download] = await Promise.all([
      moderator.waitForEvent("download"),
      moderator.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tribune-${code}.csv`);
    const path = await download.path();
    const csv = readFileSync(path, "utf8");
    expect(csv).toContain("Comment financer les pistes cyclables ?");
    expect(csv).toContain("Quelle priorité pour 2027 ?");
  });

  it("tells the screen and the phones when the event is erased", async () => {
    const erased = await api(
      server.url,
      "DELETE",
      `/api/events/${(await api(server.url, "GET", `/api/session`, { token: moderatorKey })).body.eventId}`,
      {
        token: server.adminToken,
      },
    );
    expect(erased.status).toBe(204);
    await screen.getByRole("heading", { name: "This room is closed." }).waitFor();
    await phones[0]!.getByRole("heading", { name: "This room is closed." }).waitFor();
  });

  it("saw no page error, no CSP violation and no dialog on any page", () => {
    expect(watched.flatMap((w) => w.problems)).toEqual([]);
    expect(watched.flatMap((w) => w.dialogs)).toEqual([]);
  });
});
