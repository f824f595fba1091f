// Screenshots of the congress day, in French: the programme on a phone, the posters, the import
// preview and the console's timeline, and what a moderator sees when a round table's time comes
// (the "start" proposal) and just after starting it. The programme is a French spreadsheet
// export whose times are set around now, so "now" and "next" show what they do during a congress.
import type { Browser } from "playwright-core";
import { api } from "../test/helpers/clients.js";
import { frenchCsv, parisTime } from "../test/helpers/programme-csv.js";
import type { TestServer } from "../test/helpers/server.js";
import { PHONE, PROJECTOR, pid, shoot } from "./screenshot-kit.js";

const A4 = { width: 794, height: 1123 };

/** The congress day, its round tables starting now. */
function programmeCsv(extra: string[] = []): string {
  return frenchCsv([
    ["Auditorium", "Ouverture du congrès", "Marie Dupont|Jean Martin", parisTime(-100), parisTime(-70)],
    ["Auditorium", "Conférence inaugurale : les territoires face au climat", "Claire Lefèvre", parisTime(-70), parisTime(-5)],
    ["Salle Rabelais", "Table ronde : mobilités rurales", "Paul Girard|Nadia Benali|Luc Moreau", parisTime(0), parisTime(90)],
    ["Salle Montaigne", "Table ronde : santé et déserts médicaux", "Sophie Bernard|Karim Haddad", parisTime(0), parisTime(90)],
    ["Salle Colette", "Table ronde : numérique et inclusion", "Élodie Roux|Thomas Petit|Inès Fabre", parisTime(0), parisTime(90)],
    ["Auditorium", "Conférence de l'après-midi : l'eau, bien commun", "Antoine Mercier", parisTime(150), parisTime(210)],
    ["Auditorium", "Synthèse et clôture", "Marie Dupont", parisTime(225), parisTime(270)],
    ...extra.map((line) => line.split(";")),
  ]);
}

export async function congressShots(browser: Browser, server: TestServer) {
  const base = server.url;
  const created = await api(base, "POST", "/api/events", {
    token: server.adminToken,
    body: { title: "Congrès régional des territoires", rooms: [{ name: "Auditorium" }] },
  });
  const { id, code: eventCode, moderatorKey: key } = created.body as { id: string; code: string; moderatorKey: string };
  const auth = { token: key };
  await api(base, "POST", `/api/events/${id}/programme`, { ...auth, body: { format: "csv", data: programmeCsv() } });
  const programme = (await api(base, "GET", `/api/programme/${eventCode}`)).body as {
    rooms: { code: string; name: string }[];
    sessions: { id: string; title: string; roomCode: string }[];
  };
  const session = (start: string) => programme.sessions.find((s) => s.title.startsWith(start))!;
  const roomCode = (name: string) => programme.rooms.find((r) => r.name === name)!.code;
  // The morning so far: the opening ended, the keynote still live past its end, one round table started.
  await api(base, "POST", `/api/sessions/${session("Ouverture").id}/start`, auth);
  await api(base, "POST", `/api/sessions/${session("Conférence inaugurale").id}/start`, auth);
  await api(base, "POST", `/api/sessions/${session("Table ronde : santé").id}/start`, auth);
  const rabelais = roomCode("Salle Rabelais");
  // Before its round table, the room already had a question: starting the session gives a fresh board.
  await api(base, "POST", `/api/rooms/${rabelais}/questions`, {
    body: { participantId: pid(900), text: "Le micro de la salle fonctionne-t-il\u202f?" },
  });
  const table = session("Table ronde : mobilités");
  await api(base, "POST", `/api/rooms/${rabelais}/polls`, {
    ...auth,
    body: {
      title: "Comment venez-vous au congrès\u202f?",
      kind: "single",
      options: ["Voiture", "Train", "Car", "Vélo"],
      sessionId: table.id,
    },
  });

  for (const [viewport, suffix] of [
    [PHONE, "phone"],
    [PROJECTOR, "desktop"],
  ] as const) {
    await shoot(browser, { viewport }, `${base}/${eventCode}`, `programme-${suffix}.png`, async (page) => {
      await page.locator(".room-card").nth(3).waitFor();
    });
    await shoot(browser, { viewport }, `${base}/poster/${rabelais}`, `poster-room-${suffix}.png`, async (page) => {
      await page.locator(".poster-qr").waitFor();
    });
    await shoot(browser, { viewport }, `${base}/poster/${eventCode}`, `poster-event-${suffix}.png`, async (page) => {
      await page.locator(".poster-qr").waitFor();
    });
  }
  await shoot(browser, { viewport: A4 }, `${base}/poster/${rabelais}`, "poster-room-print.png", async (page) => {
    await page.locator(".poster-qr").waitFor();
    await page.emulateMedia({ media: "print" });
  });

  const console = `${base}/moderator#key=${encodeURIComponent(key)}`;
  for (const [viewport, suffix] of [
    [PROJECTOR, "desktop"],
    [PHONE, "phone"],
  ] as const) {
    await shoot(
      browser,
      { viewport },
      `${console}&room=programme`,
      `console-timeline-${suffix}.png`,
      async (page) => {
        await page.getByRole("button", { name: "Programme de la journée" }).click();
        await page.locator(".timeline-room").nth(3).waitFor();
        await page.locator(".start-next").first().waitFor();
      },
      suffix === "phone",
    );
    // A second version of the file: one session moved, one added. The preview says so before anything is written.
    const changed = programmeCsv([
      `Salle Colette;Atelier : budgets participatifs;Camille Noël;${parisTime(100)};${parisTime(150)}`,
    ]).replace("Marie Dupont|Jean Martin", "Marie Dupont|Jean Martin|Léa Simon");
    await shoot(
      browser,
      { viewport },
      console,
      `console-import-preview-${suffix}.png`,
      async (page) => {
        await page.getByRole("button", { name: "Programme de la journée" }).click();
        await page.locator("#console-import-paste").fill(changed);
        await page.getByRole("button", { name: "Aperçu" }).click();
        await page.locator(".import-preview tbody tr").nth(7).waitFor();
        await page.locator(".import-panel").scrollIntoViewIfNeeded();
      },
      suffix === "phone",
    );
  }
  // The moment a round table's time comes: the room's console proposes to start it; then it is live,
  // with its prepared poll and an empty board on phones and the screen.
  for (const [viewport, suffix] of [
    [PROJECTOR, "desktop"],
    [PHONE, "phone"],
  ] as const) {
    await shoot(browser, { viewport }, `${console}&room=${rabelais}`, `console-start-next-${suffix}.png`, async (page) => {
      await page.locator(".start-next").waitFor();
      await page.locator(".start-next").scrollIntoViewIfNeeded();
    });
  }
  await shoot(
    browser,
    { viewport: PROJECTOR },
    `${console}&room=${rabelais}`,
    "console-session-started-desktop.png",
    async (page) => {
      await page.locator(".start-next button").click();
      await page.locator(".session-item.live").waitFor();
    },
  );
  // The moderator opens the poll prepared for the round table: phones show it, and not the room's earlier question.
  const prepared = (await api(base, "GET", `/api/rooms/${rabelais}/moderation`, auth)).body.polls[0] as { id: string };
  await api(base, "POST", `/api/polls/${prepared.id}/open`, auth);
  await shoot(browser, { viewport: PHONE }, `${base}/${rabelais}`, "audience-session-started-phone.png", async (page) => {
    await page.locator(".choices").waitFor();
    await page.getByText("En cours · Table ronde : mobilités rurales").waitFor();
  });
  await shoot(
    browser,
    { viewport: PROJECTOR },
    `${base}/screen/${roomCode("Salle Colette")}`,
    "screen-join-next.png",
    async (page) => {
      await page.locator(".join-session").waitFor();
    },
  );
}
