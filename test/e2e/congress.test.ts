// The congress day in real Chromium: a phone types the event's code, picks a round table from the
// programme and asks; when the round table's time comes the moderator starts it from the console
// and the phone's board empties. The new pages (programme, posters, the console's programme with an
// import preview) are axe clean in French and English, on a phone and a laptop.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { frenchCsv, parisTime } from "../helpers/programme-csv.js";
import type { TestServer } from "../helpers/server.js";
import {
  type AxeViolation,
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
import { eventually } from "./patience.js";

describe.skipIf(!CHROMIUM)("the congress day in Chromium", { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let eventId = "";
  let eventCode = "";
  let key = "";
  const rooms = new Map<string, string>();

  async function open(url: string, options: Parameters<typeof newContext>[1]): Promise<Watched> {
    const context = await newContext(browser, options);
    contexts.push(context);
    const w = await watchedPage(context);
    await w.page.goto(server.url + url);
    return w;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPageServer(), launchBrowser()]);
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès régional", rooms: [{ name: "Auditorium" }] },
    });
    ({ id: eventId, code: eventCode, moderatorKey: key } = created.body);
    // The morning keynote is on; three round tables start now.
    const data = frenchCsv([
      ["Auditorium", "Conférence inaugurale", "Claire Lefèvre", parisTime(-60), parisTime(60)],
      ["Salle Rabelais", "Table ronde : mobilités", "Paul Girard|Nadia Benali", parisTime(-5), parisTime(90)],
      ["Salle Montaigne", "Table ronde : santé", "Sophie Bernard", parisTime(-5), parisTime(90)],
      ["Salle Colette", "Table ronde : numérique", "Élodie Roux", parisTime(-5), parisTime(90)],
    ]);
    const imported = await api(server.url, "POST", `/api/events/${eventId}/programme`, {
      token: key,
      body: { format: "csv", data },
    });
    expect(imported.body.sessions.created).toBe(4);
    const programme = (await api(server.url, "GET", `/api/programme/${eventCode}`)).body;
    for (const room of programme.rooms) rooms.set(room.name, room.code);
    const keynote = programme.sessions.find((s: any) => s.title === "Conférence inaugurale");
    await api(server.url, "POST", `/api/sessions/${keynote.id}/start`, { token: key });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a phone opens the event code, picks a round table, asks; the moderator starts it and the board empties", async () => {
    const phone = await open("/", { viewport: PHONE, locale: "fr-FR" });
    const p = phone.page;
    await p.locator("#code").fill(eventCode.toLowerCase());
    await p.locator("form button[type=submit]").click();
    await p.waitForURL(`${server.url}/${eventCode}`);
    await p.locator(".room-card").nth(3).waitFor();
    const auditorium = p.locator(".room-card", { hasText: "Auditorium" });
    expect(await auditorium.locator(".session-line").first().textContent()).toContain("Conférence inaugurale");
    await p.getByRole("link", { name: /Salle Rabelais/ }).click();
    const rabelais = rooms.get("Salle Rabelais")!;
    await p.waitForURL(`${server.url}/${rabelais}`);
    await p.getByRole("link", { name: "Questions" }).click();
    await p.locator("#q-text").fill("Quelle place pour le vélo dans les communes rurales ?");
    await p.locator("form button[type=submit]").click();
    await eventually(() => p.locator(".questions li").count()).toBe(1);

    const moderator = await open(`/moderator#key=${encodeURIComponent(key)}&room=${rabelais}`, { viewport: DESKTOP });
    const asked = moderator.page.locator(".q-row", { hasText: "Quelle place pour le vélo" });
    await eventually(() => asked.count()).toBe(1);
    const proposal = moderator.page.locator(".start-next");
    await eventually(() => proposal.textContent()).toContain("Table ronde : mobilités");
    await proposal.getByRole("button").click();
    await eventually(() => moderator.page.locator(".session-item.live").count()).toBe(1);
    // The console's triage follows the room to the round table's board too.
    await eventually(() => asked.count()).toBe(0);

    // A fresh board: the question asked before the round table is not the round table's.
    await eventually(() => p.locator(".questions li").count()).toBe(0);
    await p.locator(".empty-state").waitFor();
    await eventually(() => p.locator(".top .event").last().textContent()).toBe("En cours · Table ronde : mobilités");
    expect(phone.problems).toEqual([]);
    expect(moderator.problems).toEqual([]);
    const after = (await api(server.url, "GET", `/api/programme/${eventCode}`)).body;
    expect(after.rooms.find((r: any) => r.code === rabelais).session.title).toBe("Table ronde : mobilités");
  });

  it("the poster of a room and of the event render a QR code of their address", async () => {
    const rabelais = rooms.get("Salle Rabelais")!;
    for (const [code, heading] of [
      [rabelais, "Salle Rabelais"],
      [eventCode, "Congrès régional"],
    ] as const) {
      const poster = await open(`/poster/${code}`, { viewport: PHONE });
      await poster.page.locator("svg.poster-qr path").waitFor();
      expect(await poster.page.locator("h1").textContent()).toBe(heading);
      expect(await poster.page.locator(".poster-code").textContent()).toBe(code);
      const address = await poster.page.locator(".poster-url").textContent();
      expect(address).toBe(`${server.url.replace(/^https?:\/\//, "")}/${code}`);
      expect(await poster.page.locator("svg.poster-qr").getAttribute("aria-label")).toContain(`${server.url}/${code}`);
      expect(poster.problems).toEqual([]);
    }
  });

  it("the console's import panel previews a file (nothing written) and names its bad lines", async () => {
    const moderator = await open(`/moderator#key=${encodeURIComponent(key)}`, { viewport: DESKTOP });
    const m = moderator.page;
    await m.getByRole("button", { name: "Programme of the day" }).click();
    await m.locator(".timeline-room").nth(3).waitFor();
    const before = (await api(server.url, "GET", `/api/programme/${eventCode}`)).body.sessions.length;
    await m.locator("#console-import-paste").fill(frenchCsv([["Salle Colette", "Atelier", "", parisTime(120), parisTime(150)]]));
    await m.getByRole("button", { name: "Preview" }).click();
    await m.locator(".import-preview tbody tr").waitFor();
    expect(await m.locator(".import-preview .notice").textContent()).toContain("1 to create");
    expect((await api(server.url, "GET", `/api/programme/${eventCode}`)).body.sessions.length).toBe(before);
    await m.getByRole("button", { name: "Import", exact: true }).click();
    await m.locator(".import-panel .notice.ok").waitFor();
    expect((await api(server.url, "GET", `/api/programme/${eventCode}`)).body.sessions.length).toBe(before + 1);
    await m.locator("#console-import-paste").fill("salle;titre;début\nSalle X;Atelier;demain matin\n");
    await m.getByRole("button", { name: "Preview" }).click();
    await eventually(() => m.locator(".import-errors li").first().textContent()).toMatch(/^Line 2: start: "demain matin"/);
    expect(moderator.problems).toEqual([]);
  });

  it("the console's timeline edits a session: title, speakers and times on the event's clock", async () => {
    const moderator = await open(`/moderator#key=${encodeURIComponent(key)}`, { viewport: DESKTOP });
    const m = moderator.page;
    await m.getByRole("button", { name: "Programme of the day" }).click();
    const column = m.locator(".timeline-room", { hasText: "Salle Montaigne" });
    await column.getByRole("button", { name: "Edit Table ronde : santé" }).click();
    await column.getByLabel("Title").fill("Table ronde : santé et territoires");
    await column.getByLabel("Speakers (separated by commas)").fill("Sophie Bernard, Karim Haddad");
    // Summer in Paris: 14:30 on the event's clock is 12:30 UTC, whatever the browser's zone.
    await column.getByLabel("Start (Europe/Paris)").fill("2027-06-17T14:30");
    await column.getByLabel("End (Europe/Paris)").fill("2027-06-17T15:45");
    await column.getByRole("button", { name: "Save" }).click();
    await eventually(() => column.locator(".timeline-title").first().textContent()).toBe("Table ronde : santé et territoires");
    const saved = (await api(server.url, "GET", `/api/programme/${eventCode}`)).body.sessions.find(
      (s: any) => s.title === "Table ronde : santé et territoires",
    );
    expect(saved).toMatchObject({
      speakers: ["Sophie Bernard", "Karim Haddad"],
      startsAt: "2027-06-17T12:30:00.000Z",
      endsAt: "2027-06-17T13:45:00.000Z",
    });
    expect(moderator.problems).toEqual([]);
  });

  describe("axe-core, WCAG 2.1 A and AA", () => {
    const targets: { name: string; open: (page: Page) => Promise<void> }[] = [
      {
        name: "programme page",
        open: async (page) => {
          await page.goto(`${server.url}/${eventCode}`);
          await page.locator(".room-card").nth(3).waitFor();
        },
      },
      {
        name: "room poster",
        open: async (page) => {
          await page.goto(`${server.url}/poster/${rooms.get("Salle Colette")}`);
          await page.locator(".poster-qr").waitFor();
        },
      },
      {
        name: "event poster",
        open: async (page) => {
          await page.goto(`${server.url}/poster/${eventCode}`);
          await page.locator(".poster-qr").waitFor();
        },
      },
      {
        name: "console programme with an import preview",
        open: async (page) => {
          await page.goto(`${server.url}/moderator#key=${encodeURIComponent(key)}`);
          await page.locator(".programme-link").click();
          await page.locator(".timeline-room").nth(3).waitFor();
          await page.locator("#console-import-paste").fill(frenchCsv([["Salle Colette", "Atelier 2", "", "", ""]]));
          await page.locator(".import-panel .btn").first().click();
          await page.locator(".import-preview tbody tr").waitFor();
        },
      },
    ];
    const combos = [
      { locale: "fr-FR", viewport: PHONE },
      { locale: "en-GB", viewport: PHONE },
      { locale: "fr-FR", viewport: DESKTOP },
      { locale: "en-GB", viewport: DESKTOP },
    ];
    const describeViolations = (vs: AxeViolation[]) =>
      vs.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
    for (const target of targets) {
      it(`${target.name}: no violation`, async () => {
        for (const combo of combos) {
          // axe is injected as a script tag, which the pages' own CSP would refuse.
          const context = await browser.newContext({ ...combo, bypassCSP: true });
          contexts.push(context);
          const page = await context.newPage();
          page.setDefaultTimeout(10_000);
          await target.open(page);
          const violations = await axeViolations(page);
          expect(violations, `${combo.locale} ${combo.viewport.width}px\n${describeViolations(violations)}`).toEqual([]);
          await context.close();
        }
      });
    }
  });
});
