// Open answers and reactions end to end in real Chromium: the screen's wall shows a phone's answer
// and drops it once a moderator hides it; a reaction from a phone bursts on the screen; axe-core
// finds nothing on the phone's ballot and reactions, the wall and the console. Also writes the
// wall's screenshot for docs/screenshots (1920×1080, French).
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, newParticipantId } from "../helpers/clients.js";
import type { TestServer } from "../helpers/server.js";
import { axeViolations, CHROMIUM, launchBrowser, type newContext, openPage, PHONE, startPageServer } from "./browser.js";
import { eventually } from "./patience.js";

// The wall as the test saw it, for a person to look at; docs/screenshots keeps the reviewed one.
const SHOTS = process.env.SCREENSHOTS_DIR ?? tmpdir();

const ANSWERS = [
  "Plus de temps pour les questions du public",
  "Des pauses plus longues entre les sessions",
  "Le café était excellent\u202F!",
  "Publier les supports des intervenants",
  "Une salle plus grande pour la plénière",
  "Des sous-titres en direct sur l’écran",
];

describe.skipIf(!CHROMIUM)("open answers and reactions in Chromium", { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let code = "";
  let key = "";
  let pollId = "";
  let screen: Page;
  let phone: Page;

  const open = (options: Parameters<typeof newContext>[1], url: string) =>
    openPage(browser, contexts, server.url + url, options ?? {});

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
      body: { title: "Une idée pour la prochaine édition ?", kind: "open" },
    });
    pollId = poll.body.id;
    await api(server.url, "POST", `/api/polls/${pollId}/open`, { token: key });
    for (const text of ANSWERS) {
      await api(server.url, "POST", `/api/polls/${pollId}/votes`, { body: { participantId: newParticipantId(), choice: text } });
    }
    screen = await open({ viewport: { width: 1920, height: 1080 }, locale: "fr-FR" }, `/screen/${code}`);
    await screen.locator(".wall-card").first().waitFor();
    phone = await open({ viewport: PHONE, locale: "fr-FR", hasTouch: true, isMobile: true }, `/${code}`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it("the phone sends an answer with the text box and the wall shows it", async () => {
    await phone.getByLabel("Votre réponse").fill("Un atelier pratique l’après-midi");
    await phone.getByText("60 caractères restants").or(phone.locator("#open-left")).first().waitFor();
    await phone.getByRole("button", { name: "Envoyer" }).click();
    await phone.getByRole("button", { name: "Modifier ma réponse" }).waitFor();
    await eventually(() => screen.locator(".wall-card").first().textContent()).toBe("Un atelier pratique l’après-midi");
    await screen.waitForTimeout(800); // the newest card's fade-in, over
    await screen.screenshot({ path: join(SHOTS, "wall-fr-1920x1080.png") });
  });

  it("the wall drops an answer a moderator hides", async () => {
    const results = await api(server.url, "GET", `/api/polls/${pollId}/results`);
    const target = results.body.answers.find((a: { text: string }) => a.text === "Le café était excellent\u202F!");
    expect((await api(server.url, "POST", `/api/polls/${pollId}/answers/${target.id}/hide`, { token: key })).status).toBe(200);
    await eventually(() => screen.locator(".wall-card", { hasText: "Le café était excellent\u202F!" }).count()).toBe(0);
    expect(await screen.locator(".wall-card").count()).toBe(ANSWERS.length);
  });

  it("a reaction from the phone bursts on the screen", async () => {
    await phone.getByRole("button", { name: "Applaudir" }).click();
    await eventually(() => screen.locator(".floater").count()).toBeGreaterThan(0);
    expect(await screen.locator(".floater").first().textContent()).toBe("👏");
  });

  it("axe finds nothing on the phone, the wall and the console", async () => {
    const console = await open({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" }, `/moderator#key=${key}`);
    await console.getByRole("button", { name: "Masquer" }).first().waitFor();
    for (const page of [phone, screen, console]) expect(await axeViolations(page)).toEqual([]);
  });
});
