// The report pages in Chromium: every chart drawn with its table, axe WCAG 2.1 A/AA clean in French
// and in English, printed to A4 by Chromium with every room name and poll title in the PDF
// (pdftotext), the links from the console; and retention edited from the organizer page.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { requireBinary } from "../helpers/require-binary.js";
import type { TestServer } from "../helpers/server.js";
import { axeViolations, CHROMIUM, DESKTOP, launchBrowser, newContext, PHONE, startPageServer, watchedPage } from "./browser.js";

const PDFTOTEXT = CHROMIUM ? requireBinary("pdftotext", ["/usr/bin/pdftotext"]) : null;

const ROOMS = ["Plénière", "Atelier mobilités"];
const POLLS = [
  {
    room: 0,
    title: "Quelle priorité pour 2027 ?",
    kind: "single",
    options: ["Mobilité", "Logement", "Énergie"],
    votes: [[0], [1], [1]],
  },
  { room: 0, title: "Satisfaction de la matinée", kind: "scale", votes: [4, 5, 3] },
  { room: 0, title: "Un mot pour la journée", kind: "wordcloud", votes: ["utile", "vivant", "utile"] },
  {
    room: 1,
    title: "Classez les chantiers",
    kind: "ranking",
    options: ["Vélo", "Bus", "Train"],
    votes: [
      [0, 1, 2],
      [2, 0, 1],
    ],
  },
  { room: 1, title: "Vos idées en une phrase", kind: "open", votes: ["Plus de trains le soir", "Des abris vélo"] },
] as const;

/** A quiz in the first room, answered by two nicknamed phones: the session's leaderboard. */
const QUIZ = { title: "Quiz : la ville en chiffres", options: ["12 %", "30 %"], correct: [1], players: ["Camille", "Dominique"] };

describe.skipIf(!CHROMIUM)("report pages in Chromium", { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let eventId = "";
  let key = "";
  const codes: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès des mobilités", rooms: ROOMS.map((name) => ({ name })) },
    });
    eventId = created.body.id;
    key = created.body.moderatorKey;
    codes.push(...created.body.rooms.map((r: { code: string }) => r.code));
    let voter = 0;
    for (const p of POLLS) {
      const body = { title: p.title, kind: p.kind, ...("options" in p ? { options: p.options } : {}) };
      const poll = await api(server.url, "POST", `/api/rooms/${codes[p.room]}/polls`, { token: key, body });
      await api(server.url, "POST", `/api/polls/${poll.body.id}/open`, { token: key });
      for (const choice of p.votes)
        await api(server.url, "POST", `/api/polls/${poll.body.id}/votes`, {
          body: { participantId: `e2e_report_voter_${voter++}`, choice },
        });
      await api(server.url, "POST", `/api/polls/${poll.body.id}/close`, { token: key });
    }
    const quiz = await api(server.url, "POST", `/api/rooms/${codes[0]}/polls`, {
      token: key,
      body: { title: QUIZ.title, kind: "quiz", options: QUIZ.options, correct: QUIZ.correct, timeLimit: 60 },
    });
    await api(server.url, "POST", `/api/polls/${quiz.body.id}/open`, { token: key });
    for (const [i, nickname] of QUIZ.players.entries()) {
      const participantId = `e2e_report_player_${i}`;
      await api(server.url, "POST", `/api/rooms/${codes[0]}/nickname`, { body: { participantId, nickname } });
      await api(server.url, "POST", `/api/polls/${quiz.body.id}/votes`, { body: { participantId, choice: [i] } });
    }
    await api(server.url, "POST", `/api/polls/${quiz.body.id}/close`, { token: key });
    const q = await api(server.url, "POST", `/api/rooms/${codes[0]}/questions`, {
      body: { participantId: "e2e_report_asker_0001", text: "Le compte rendu sera-t-il publié ?" },
    });
    await api(server.url, "POST", `/api/questions/${q.body.id}/reply`, { token: key, body: { text: "Oui, sur le site." } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [lang, locale, h1, board] of [
    ["fr", "fr-FR", "Compte rendu de l’événement", "Classement du quiz"],
    ["en", "en-GB", "Event report", "Quiz leaderboard"],
  ] as const) {
    for (const viewport of [PHONE, DESKTOP]) {
      it(`renders every chart with its table, axe clean (${lang}, ${viewport.width}×${viewport.height})`, async () => {
        const context = await newContext(browser, { locale, viewport, bypassCSP: true }); // axe is injected inline
        const watched = await watchedPage(context);
        const { page } = watched;
        await page.goto(`${server.url}/report/event/${eventId}?lang=${lang}#key=${encodeURIComponent(key)}`);
        await page.getByRole("heading", { level: 1, name: h1 }).waitFor();
        expect(new URL(page.url()).hash).not.toContain(key); // the key leaves the address bar
        for (const name of ROOMS) await page.getByRole("heading", { level: 2, name: new RegExp(name) }).waitFor();
        for (const p of POLLS) await page.getByRole("heading", { level: 5, name: p.title }).waitFor();
        // A chart (role img) per chart-drawn poll, one per timeline, each with its table beside it.
        const charts = page.locator(".chart-pair svg[role=img]");
        expect(await charts.count()).toBeGreaterThanOrEqual(POLLS.length - 1 + ROOMS.length);
        expect(await page.locator(".chart-pair table caption").count()).toBe(await charts.count());
        await page.getByText("Plus de trains le soir").waitFor(); // the open answers, listed
        await page.getByText("Oui, sur le site.").waitFor(); // a reply under its question
        // The quiz's podium and its table: the right answer first, the wrong one second with 0.
        await page.getByRole("heading", { level: 4, name: board }).waitFor();
        const ranks = page.locator(`table:has(caption:has-text("${board}")) tbody tr`);
        expect(await ranks.allInnerTexts()).toEqual([
          expect.stringMatching(/^1\s+Dominique\s+[\d\s,\u202f]{3,5}$/),
          expect.stringMatching(/^2\s+Camille\s+0$/),
        ]);
        expect(await axeViolations(page)).toEqual([]);
        expect(watched.problems).toEqual([]);
        await context.close();
      });
    }
  }

  it("asks for the key without one, and says so with another event's key", async () => {
    const other = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Autre", rooms: [{ name: "A" }] },
    });
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/report/${codes[0]}`);
    await page.getByLabel("Moderator key").fill(other.body.moderatorKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByRole("alert")
      .getByText(/another event|other event|not.*event/i)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.skipIf(!PDFTOTEXT)("prints to an A4 PDF holding every room name and poll title (pdftotext)", async () => {
    const context = await newContext(browser, { locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${server.url}/report/event/${eventId}?lang=fr#key=${encodeURIComponent(key)}`);
    await page
      .locator(".poll-report")
      .nth(POLLS.length - 1)
      .waitFor();
    const pdf = await page.pdf({ format: "A4" });
    await context.close();
    const dir = mkdtempSync(join(tmpdir(), "tribune-report-"));
    try {
      writeFileSync(join(dir, "report.pdf"), pdf);
      const text = execFileSync(PDFTOTEXT!, ["-layout", join(dir, "report.pdf"), "-"], { encoding: "utf8" });
      const flat = text.replace(/\s+/g, " ");
      for (const name of ROOMS) expect(flat).toContain(name);
      for (const p of POLLS) expect(flat).toContain(p.title.replace(" ?", ""));
      expect(flat).toContain("Congrès des mobilités"); // the running head
      expect(flat).not.toMatch(/Imprimer ou enregistrer/); // no button on paper
      expect(flat).not.toContain("e2e_report_voter");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is linked from the console, with the key in the fragment", async () => {
    const context = await newContext(browser, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${server.url}/moderator#key=${encodeURIComponent(key)}&room=${codes[0]}`);
    const link = page.getByRole("link", { name: "Event report" });
    expect(await link.getAttribute("href")).toBe(`/report/event/${eventId}#key=${encodeURIComponent(key)}`);
    const roomLink = page.getByRole("link", { name: /Room report/ });
    expect(await roomLink.getAttribute("href")).toBe(`/report/${codes[0]}#key=${encodeURIComponent(key)}`);
    await context.close();
  });

  it("edits an event's retention from the organizer page", async () => {
    const context = await newContext(browser, { viewport: PHONE, bypassCSP: true });
    const watched = await watchedPage(context);
    const { page } = watched;
    await page.goto(`${server.url}/organizer`);
    await page.locator("#token").fill(server.adminToken);
    await page.getByText("An event's data: retention, report, erasure").click();
    await page.getByLabel("Event id").fill(eventId);
    await page.getByLabel(/Retention in days/).fill("7");
    await page.getByRole("button", { name: "Save the retention" }).click();
    await page.getByRole("status").getByText("keeps participant ids 7 days").waitFor();
    const shown = await api(server.url, "GET", `/api/events/${eventId}`, { token: key });
    expect(shown.body.retentionDays).toBe(7);
    expect(await page.getByRole("link", { name: "Open the event report" }).getAttribute("href")).toContain(
      `/report/event/${eventId}#key=`,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
    await context.close();
  });
});
