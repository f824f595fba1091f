// Triage at speed in real Chromium: twenty pending questions triaged by keyboard only (the
// keystrokes counted), a bulk approval and its undo, "n new" while reading, two moderators seeing
// each other's actions, and the phone's "Support this question instead?" hint; axe clean in
// French and English on the console with filters and a multi-selection, and on the phone's hint.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { askOk, moderationState, patchRoom } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { axeViolations, CHROMIUM, DESKTOP, launchBrowser, newContext, PHONE, startPageServer, watchedPage } from "./browser.js";
import { eventually } from "./patience.js";
import { LABEL, PENDING, PUBLISHED } from "./triage-fixture.js";

describe.skipIf(!CHROMIUM)("triage in Chromium", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[][] = [];

  /** A page; `axe` lets axe's script in past the page's CSP. */
  async function open(
    url: string,
    options: { lang?: "fr" | "en"; viewport?: { width: number; height: number }; axe?: boolean } = {},
  ) {
    const context = await newContext(browser, {
      viewport: options.viewport ?? DESKTOP,
      locale: options.lang === "fr" ? "fr-FR" : "en-GB",
      bypassCSP: options.axe ?? false,
    });
    contexts.push(context);
    const w = await watchedPage(context);
    problems.push(w.problems);
    await w.page.goto(server.url + url);
    return w.page;
  }

  async function newRoom(title: string) {
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title, rooms: [{ name: "Plénière" }] },
    });
    return { code: created.body.rooms[0].code as string, key: created.body.moderatorKey as string };
  }

  const consoleUrl = (r: { code: string; key: string }) => `/moderator#key=${encodeURIComponent(r.key)}&room=${r.code}`;
  /** The text of the question the console has selected. */
  const selectedText = (page: Page) => page.locator('.q-main[aria-pressed="true"] .q-text').textContent();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it("triages 20 pending questions by keyboard only: 12 approved, 3 rejected, 3 merged into their duplicates, 2 labelled", async () => {
    const room = await newRoom("Services publics numériques");
    const published = [];
    for (const text of PUBLISHED) published.push(await askOk(server.url, room.code, text));
    await patchRoom(server.url, room.key, room.code, { premoderation: true });
    const asked: { id: string }[] = [];
    for (const q of PENDING) asked.push(await askOk(server.url, room.code, q.text));
    const page = await open(consoleUrl(room));
    await page
      .locator(".q-row")
      .nth(PENDING.length + PUBLISHED.length - 1)
      .waitFor();

    let keystrokes = 0;
    const press = async (key: string) => {
      keystrokes++;
      await page.keyboard.press(key);
    };
    const type = async (text: string) => {
      for (const ch of text) await press(ch);
    };
    const queue = page.locator("#queue-title .count-pill");

    // Down the queue: one key per approval, rejection or merge; the selection moves on by itself.
    // The round table's two questions are skipped (j), then marked together and labelled at the end.
    await press("j");
    let left = PENDING.length;
    for (const q of PENDING) {
      await eventually(() => selectedText(page)).toBe(q.text);
      if (q.decision === "label") {
        await press("j");
        continue;
      }
      await press({ approve: "a", reject: "r", merge: "m" }[q.decision]);
      left--;
      await eventually(() => queue.textContent()).toBe(String(left));
    }
    // The last approval selected the last question left above it: the second round-table one.
    await eventually(() => selectedText(page)).toBe(PENDING[14]!.text);
    await press("Shift+K"); // marks it and the first one
    await page.getByText("2 questions selected").waitFor();
    await press("l");
    await page.locator(".label-form input:focus").waitFor();
    await type(LABEL);
    await press("Enter");
    await eventually(async () => (await page.locator(".q-row .badge.label").allTextContents()).length).toBe(2);

    expect(keystrokes).toBe(27);
    console.log(`Triage of ${PENDING.length} pending questions by keyboard only: ${keystrokes} keystrokes`);

    const byId = new Map<string, any>(
      (await moderationState(server.url, room.key, room.code)).questions.map((q: any) => [q.id, q]),
    );
    const statuses = PENDING.map((_, i) => byId.get(asked[i]!.id).status);
    expect(statuses).toEqual(
      PENDING.map((q) => ({ approve: "live", reject: "rejected", merge: "merged", label: "pending" })[q.decision]),
    );
    const merged = PENDING.flatMap((q, i) => (q.decision === "merge" ? [byId.get(asked[i]!.id).mergedInto] : []));
    expect(merged).toEqual(published.map((q) => q.id));
    for (const [i, q] of PENDING.entries()) {
      if (q.decision === "label") expect(byId.get(asked[i]!.id).labels).toEqual([LABEL]);
    }
    expect(problems.flat()).toEqual([]);
  });

  it("approves several questions at once by keyboard, undoes it, and offers no undo for a merge", async () => {
    const room = await newRoom("Bulk");
    await askOk(server.url, room.code, "Quand les vidéos des conférences seront-elles en ligne ?");
    await patchRoom(server.url, room.key, room.code, { premoderation: true });
    const texts = [
      "Première question ?",
      "Deuxième question ?",
      "Troisième question ?",
      "Les vidéos des conférences seront-elles en ligne bientôt ?",
    ];
    const asked: { id: string }[] = [];
    for (const text of texts) asked.push(await askOk(server.url, room.code, text));
    const page = await open(consoleUrl(room));
    await page.locator(".q-row").nth(4).waitFor();

    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.getByText("3 questions selected").waitFor();
    await page.keyboard.press("a");
    const statusOf = async (i: number) =>
      (await moderationState(server.url, room.key, room.code)).questions.find((q: any) => q.id === asked[i]!.id).status;
    for (const i of [0, 1, 2]) await eventually(() => statusOf(i)).toBe("live");
    const undo = page.getByRole("button", { name: /^Undo: Approve — 3 questions/ });
    await undo.waitFor();

    await page.keyboard.press("u");
    // No move leads back to pending: an approval is undone by a rejection.
    for (const i of [0, 1, 2]) await eventually(() => statusOf(i)).toBe("rejected");
    await undo.waitFor({ state: "hidden" });

    // The fourth asks what the published one asks: m merges it, and a merge cannot be undone.
    await eventually(() => selectedText(page)).toBe(texts[3]);
    await page.keyboard.press("m");
    await eventually(() => statusOf(3)).toBe("merged");
    expect(await page.getByRole("button", { name: /^Undo/ }).count()).toBe(0);
    expect(problems.flat()).toEqual([]);
  });

  it("keeps the list still while a moderator reads (n new), and shows each moderator the other's actions", async () => {
    const room = await newRoom("Two moderators");
    await patchRoom(server.url, room.key, room.code, { premoderation: true });
    const first = await askOk(server.url, room.code, "Une première question ?");
    const reader = await open(consoleUrl(room));
    const other = await open(consoleUrl(room));
    await reader.locator(".q-row").first().waitFor();
    await other.locator(".q-row").first().waitFor();

    // With nothing selected a new question comes in at once.
    await askOk(server.url, room.code, "Une deuxième question ?");
    await reader.locator(".q-row", { hasText: "Une deuxième question ?" }).waitFor();
    // Reading (a question selected): the next one waits behind the button.
    await reader.keyboard.press("j");
    await eventually(() => selectedText(reader)).toBe("Une première question ?");
    await askOk(server.url, room.code, "Une troisième question ?");
    const button = reader.getByRole("button", { name: /^1 new question/ });
    await button.waitFor();
    expect(await reader.locator(".q-row", { hasText: "Une troisième question ?" }).count()).toBe(0);
    await reader.keyboard.press("n");
    await reader.locator(".q-row", { hasText: "Une troisième question ?" }).waitFor();
    await button.waitFor({ state: "hidden" });
    expect(await selectedText(reader)).toBe("Une première question ?");

    // The other moderator approves the first question: the reader sees it published at once.
    await other
      .locator(".q-row", { hasText: "Une première question ?" })
      .getByRole("button", { name: /^Approve/ })
      .click();
    await eventually(() => reader.locator("#live-title .count-pill").textContent()).toBe("1");
    await reader.keyboard.press("r");
    await eventually(() =>
      other.locator(".q-row", { hasText: "Une première question ?" }).locator(".badge.rejected").count(),
    ).toBe(1);
    expect(first.id).toBeTruthy();
    expect(problems.flat()).toEqual([]);
  });

  it("combines the filters: status, label, session and flagged", async () => {
    const room = await newRoom("Filters");
    const label = (id: string, labels: string[]) =>
      api(server.url, "PATCH", `/api/questions/${id}`, { token: room.key, body: { labels } });
    const before = await askOk(server.url, room.code, "Avant la session : quel budget ?");
    await label(before.id, ["budget"]);
    const session = await api(server.url, "POST", `/api/rooms/${room.code}/sessions`, {
      token: room.key,
      body: { title: "Atelier" },
    });
    await api(server.url, "POST", `/api/sessions/${session.body.id}/start`, { token: room.key });
    const during = await askOk(server.url, room.code, "Pendant la session : quel budget ?");
    await label(during.id, ["budget"]);
    await askOk(server.url, room.code, "Pendant la session : une autre question ?");
    const rude = await askOk(server.url, room.code, "Quel con a écrit ce programme ?");
    expect(rude.status).toBe("pending");
    const page = await open(consoleUrl(room));
    const listed = async () => (await page.locator(".q-row .q-text").allTextContents()).sort();
    const filters = page.getByRole("group", { name: "Filters" });
    // A room with a programme opens on its current session's questions, as phones see them.
    await eventually(listed).toEqual([
      "Pendant la session : quel budget ?",
      "Pendant la session : une autre question ?",
      "Quel con a écrit ce programme ?",
    ]);
    await filters.getByLabel("Session").selectOption({ label: "All" });
    await page.locator(".q-row").nth(3).waitFor();

    await filters.getByLabel("Label").selectOption("budget");
    await eventually(listed).toEqual(["Avant la session : quel budget ?", "Pendant la session : quel budget ?"]);
    await filters.getByLabel("Session").selectOption({ label: "Atelier" });
    await eventually(listed).toEqual(["Pendant la session : quel budget ?"]);
    await filters.getByLabel("Status").selectOption("pending");
    await eventually(listed).toEqual([]);
    await filters.getByRole("button", { name: "Clear the filters" }).click();
    await eventually(() => page.locator(".q-row").count()).toBe(4);
    await filters.getByLabel("Flagged only").check();
    await eventually(listed).toEqual(["Quel con a écrit ce programme ?"]);
    await filters.getByLabel("Session").selectOption({ label: "Outside any session" });
    await eventually(listed).toEqual([]);
    expect(problems.flat()).toEqual([]);
  });

  it("adds and removes the event's own blocked words in the console; a question holding one waits, flagged", async () => {
    const room = await newRoom("Blocked words");
    const page = await open(consoleUrl(room));
    const eventId = (await api(server.url, "GET", "/api/session", { token: room.key })).body.eventId;
    const words = async () => (await api(server.url, "GET", `/api/events/${eventId}`, { token: room.key })).body.blocklist;
    await page.getByLabel("Word or phrase to block").fill("lobby nucléaire");
    await page.getByLabel("Word or phrase to block").press("Enter");
    await page.locator(".chip", { hasText: "lobby nucléaire" }).waitFor();
    expect(await words()).toEqual(["lobby nucléaire"]);
    const held = await askOk(server.url, room.code, "Qui paie le LOBBY NUCLEAIRE ?");
    expect(held.status).toBe("pending");
    await page.locator(".q-row", { hasText: "Qui paie le LOBBY NUCLEAIRE ?" }).locator(".badge.flagged").waitFor();
    await page.getByRole("button", { name: "Unblock lobby nucléaire" }).click();
    await page.locator(".chip").waitFor({ state: "detached" });
    expect(await words()).toEqual([]);
    expect((await askOk(server.url, room.code, "Et le lobby nucléaire ?")).status).toBe("live");
    expect(problems.flat()).toEqual([]);
  });

  for (const lang of ["fr", "en"] as const) {
    it(`the console with filters and a multi-selection is axe clean (${lang})`, async () => {
      const room = await newRoom(`Axe ${lang}`);
      await askOk(server.url, room.code, "Quel budget pour la cybersécurité ?");
      await patchRoom(server.url, room.key, room.code, { premoderation: true });
      for (const text of ["Quel con a choisi ce prestataire ?", "Une question à trier ?", "Une autre question ?"]) {
        await askOk(server.url, room.code, text);
      }
      const page = await open(consoleUrl(room), { lang, axe: true });
      await page.locator(".q-row").nth(3).waitFor();
      await page.keyboard.press("j");
      await page.keyboard.press("x");
      await page.keyboard.press("Shift+ArrowDown");
      await page.locator(".selection-bar .bulk-actions").waitFor();
      await page.keyboard.press("l");
      await page.locator(".label-form input").waitFor();
      await page.locator(".triage-filters select").first().selectOption("pending");
      await page.locator(".badge.flagged").first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.flat()).toEqual([]);
    });
  }

  for (const lang of ["fr", "en"] as const) {
    it(`a phone typing a near-duplicate sees the hint and supports the question instead (${lang})`, async () => {
      const room = await newRoom(`Hint ${lang}`);
      const target = await askOk(server.url, room.code, "Quand les vidéos des conférences seront-elles en ligne ?");
      await askOk(server.url, room.code, "Quel budget pour la cybersécurité des communes ?");
      const phone = await open(`/${room.code}#questions`, { lang, viewport: PHONE, axe: true });
      let requests = 0;
      phone.on("request", (r) => {
        if (r.url().includes("/similar?")) requests++;
      });
      const typed = "Les vidéos des conférences seront en ligne quand ?";
      await phone.locator("#q-text").pressSequentially(typed, { delay: 20 });
      const hint = phone.getByRole("region", {
        name: lang === "fr" ? "Soutenir plutôt cette question ?" : "Support this question instead?",
      });
      await hint.waitFor();
      await hint.getByText("Quand les vidéos des conférences seront-elles en ligne ?").waitFor();
      expect(await hint.locator("li").count()).toBe(1);
      expect(await axeViolations(phone)).toEqual([]);
      // Far fewer requests than keystrokes: one once the typing pauses (two if the machine stalls).
      expect(requests).toBeGreaterThanOrEqual(1);
      expect(requests).toBeLessThan(typed.length / 10);
      console.log(`Phone hint (${lang}): ${requests} request(s) for ${typed.length} keystrokes`);

      await hint.locator("button.upvote").click();
      await eventually(
        async () =>
          (await api(server.url, "GET", `/api/rooms/${room.code}`)).body.questions.find((q: any) => q.id === target.id).upvotes,
      ).toBe(1);
      await eventually(() => hint.locator("button.upvote").getAttribute("aria-pressed")).toBe("true");
      // Sending cancels the hint.
      await phone.locator("form button[type=submit]").click();
      await hint.waitFor({ state: "hidden" });
      expect(problems.flat()).toEqual([]);
    });
  }
});
