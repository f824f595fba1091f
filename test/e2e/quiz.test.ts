// A quiz end to end in real Chromium: two phones pick nicknames (the second is refused and takes
// the suggestion), answer; the screen counts down from closesAt, reveals the right answer when
// the server closes the quiz by itself, then shows the podium. axe-core finds nothing on the phones,
// the screen and the console's quiz builder, in French and in English.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import { axeViolations, CHROMIUM, launchBrowser, type newContext, openPage, PHONE, startPageServer } from "./browser.js";
import { eventually } from "./patience.js";

describe.skipIf(!CHROMIUM)("a quiz in Chromium", { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let code = "";
  let key = "";
  let pollId = "";
  let screen: Page;
  let zoe: Page;
  let sam: Page;

  const open = (options: Parameters<typeof newContext>[1], url: string) =>
    openPage(browser, contexts, server.url + url, options ?? {});

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Cybersécurité et IA", rooms: [{ name: "Table ronde" }] },
    });
    code = created.body.rooms[0].code;
    key = created.body.moderatorKey;
    const poll = await api(server.url, "POST", `/api/rooms/${code}/polls`, {
      token: key,
      body: {
        title: "Quel message est un hameçonnage ?",
        kind: "quiz",
        options: ["La facture attendue", "Le colis bloqué à payer", "L’invitation du service"],
        correct: [1],
        timeLimit: 20,
      },
    });
    pollId = poll.body.id;
    screen = await open({ viewport: { width: 1920, height: 1080 }, locale: "fr-FR" }, `/screen/${code}`);
    zoe = await open({ viewport: PHONE, locale: "fr-FR", hasTouch: true, isMobile: true }, `/${code}`);
    sam = await open({ viewport: PHONE, locale: "en-US", hasTouch: true, isMobile: true }, `/${code}`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it("phones choose nicknames: a taken one is refused with a suggestion, which one tap takes", async () => {
    expect((await api(server.url, "POST", `/api/polls/${pollId}/open`, { token: key })).status).toBe(200);
    await zoe.getByLabel("Pseudo (de 1 à 24 caractères)").fill("Zoé");
    await zoe.getByRole("button", { name: "Choisir ce pseudo" }).click();
    await zoe.getByText("Vous jouez sous le nom Zoé").waitFor();
    await sam.getByLabel("Nickname (1 to 24 characters)").fill("ZOE");
    await sam.getByRole("button", { name: "Choose this nickname" }).click();
    await sam.getByRole("button", { name: "Use “ZOE 2”" }).click();
    await sam.getByText("Playing as ZOE 2").waitFor();
  });

  it("the phones and the screen count down the same time; each phone answers once", async () => {
    await screen.getByRole("timer").waitFor();
    const left = async (page: Page) => Number(await page.locator(".countdown-number").textContent());
    const [onScreen, onPhone] = await Promise.all([left(screen), left(zoe)]);
    expect(Math.abs(onScreen - onPhone)).toBeLessThanOrEqual(1);
    await zoe.getByRole("button", { name: "Le colis bloqué à payer" }).click();
    await zoe.getByText("Votre réponse est définitive").waitFor();
    // Final: the other options cannot be taken any more.
    expect(await zoe.getByRole("button", { name: "La facture attendue" }).isDisabled()).toBe(true);
    await sam.getByRole("button", { name: "La facture attendue" }).click();
    await sam.getByText("Your answer is final").waitFor();
    for (const page of [zoe, sam, screen]) expect(await axeViolations(page)).toEqual([]);
  });

  it("when time is up the screen reveals the right answer, the phones their points, then the podium", async () => {
    await screen.getByText("Quiz terminé").waitFor({ timeout: 30_000 });
    await screen.getByText("✓ Le colis bloqué à payer").waitFor();
    await zoe.getByText(/Bonne réponse\u202f! \+\d+ points/).waitFor();
    await zoe.getByText("1re place", { exact: false }).or(zoe.getByText("1e sur 2")).first().waitFor();
    await sam.getByText("Wrong: the right answer was Le colis bloqué à payer.").waitFor();
    for (const page of [zoe, sam, screen]) expect(await axeViolations(page)).toEqual([]);
    await screen.locator(".podium").waitFor({ timeout: 15_000 });
    await eventually(() => screen.locator(".step-name").allTextContents()).toEqual(["ZOE 2", "Zoé"]);
    expect(await axeViolations(screen)).toEqual([]);
  });

  it("the English screen in leaderboard mode and the console's quiz builder pass axe", async () => {
    const english = await open({ viewport: { width: 1920, height: 1080 }, locale: "en-US" }, `/screen/${code}`);
    await api(server.url, "PATCH", `/api/rooms/${code}`, { token: key, body: { screen: { mode: "leaderboard" } } });
    await english.getByRole("heading", { name: "Leaderboard" }).waitFor();
    expect(await axeViolations(english)).toEqual([]);
    for (const locale of ["fr-FR", "en-US"]) {
      const console = await open({ viewport: { width: 1280, height: 800 }, locale }, `/moderator#key=${key}`);
      await console.locator("details.builder summary").click();
      await console.getByRole("radio", { name: "Quiz", exact: true }).check();
      await console.locator("#quiz-seconds").waitFor();
      expect(await axeViolations(console)).toEqual([]);
    }
  });
});
