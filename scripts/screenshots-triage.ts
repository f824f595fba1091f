// Screenshots of triage at speed: the console with filters and a multi-selection, and the phone's
// "Support this question instead?" hint, at 360×640 and 1920×1080, in French. Part of
// scripts/screenshots.ts; alone: npx tsx scripts/screenshots-triage.ts
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, launchBrowser, startPageServer } from "../test/e2e/browser.js";
import { api } from "../test/helpers/clients.js";
import { OUT, PHONE, PROJECTOR, pid, shoot } from "./screenshot-kit.js";

const PUBLISHED: [string, number][] = [
  ["Quand les vidéos des conférences seront-elles en ligne\u202f?", 12],
  ["Quel budget pour la cybersécurité des petites communes\u202f?", 8],
  ["Comment recruter des développeurs dans la fonction publique territoriale\u202f?", 5],
];

const PENDING: [string, string][] = [
  ["Combien de communes utilisent déjà la plateforme de paiement en ligne\u202f?", "Julie"],
  ["Les vidéos des conférences seront-elles en ligne, et quand\u202f?", ""],
  ["Qui finance la fibre dans les zones rurales\u202f?", "Marc, élu local"],
  ["Quel con a choisi ce prestataire\u202f?", ""],
  ["Quelle place pour les logiciels libres dans les marchés publics\u202f?", "Sophie"],
  ["Table ronde\u202f: les départements peuvent-ils mutualiser leurs équipes\u202f?", ""],
  ["Comment former les agents d’accueil au numérique\u202f?", "Karim"],
  ["Quel budget prévoir pour la cybersécurité des petites communes\u202f?", ""],
];

export async function triageScreenshots(browser: Browser, base: string, adminToken: string): Promise<void> {
  const event = await api(base, "POST", "/api/events", {
    token: adminToken,
    body: { title: "Services publics numériques", rooms: [{ name: "Plénière" }] },
  });
  const { moderatorKey: key, id: eventId, rooms } = event.body as { moderatorKey: string; id: string; rooms: { code: string }[] };
  const code = rooms[0]!.code;
  const auth = { token: key };
  await api(base, "PATCH", `/api/events/${eventId}`, { ...auth, body: { blocklist: ["vendus", "lobby nucléaire"] } });
  for (const title of ["Ouverture", "Table ronde\u202f: les territoires"]) {
    await api(base, "POST", `/api/rooms/${code}/sessions`, { ...auth, body: { title } });
  }
  for (const [i, [text, votes]] of PUBLISHED.entries()) {
    const q = (await api(base, "POST", `/api/rooms/${code}/questions`, { body: { participantId: pid(600 + i), text } })).body as {
      id: string;
    };
    for (let v = 0; v < votes; v++) {
      await api(base, "POST", `/api/questions/${q.id}/upvote`, { body: { participantId: pid(700 + v) } });
    }
    if (i === 1) await api(base, "PATCH", `/api/questions/${q.id}`, { ...auth, body: { labels: ["cybersécurité"] } });
  }
  await api(base, "PATCH", `/api/rooms/${code}`, { ...auth, body: { premoderation: true } });
  for (const [i, [text, author]] of PENDING.entries()) {
    await api(base, "POST", `/api/rooms/${code}/questions`, { body: { participantId: pid(800 + i), text, author } });
  }

  /** The queue filtered to pending questions, three of them selected, the label field open. */
  const triage = async (page: Page) => {
    await page
      .locator(".q-row")
      .nth(PENDING.length + PUBLISHED.length - 1)
      .waitFor();
    await page.locator(".triage-filters select").first().selectOption("pending");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.locator(".selection-bar .bulk-actions").waitFor();
    // On a phone the questions come after the polls: show the selection, not the page's top.
    if (page.viewportSize()?.width === PHONE.width) await page.locator(".selection-bar").evaluate((el) => el.scrollIntoView());
  };
  for (const [viewport, file] of [
    [PROJECTOR, "console-triage.png"],
    [PHONE, "console-triage-phone.png"],
  ] as const) {
    await shoot(browser, { viewport }, `${base}/moderator#key=${encodeURIComponent(key)}&room=${code}`, file, triage);
  }

  const hint = async (page: Page) => {
    await page.locator("#q-text").pressSequentially("Les vidéos des conférences seront en ligne quand", { delay: 10 });
    await page.locator(".similar-hint section").waitFor();
    if (page.viewportSize()?.width === PHONE.width) await page.locator("#q-text").evaluate((el) => el.scrollIntoView());
  };
  for (const [viewport, file] of [
    [PHONE, "audience-similar-hint.png"],
    [PROJECTOR, "audience-similar-hint-desktop.png"],
  ] as const) {
    await shoot(browser, { viewport }, `${base}/${code}#questions`, file, hint);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!CHROMIUM) throw new Error("Chromium is needed: install the Debian package chromium");
  mkdirSync(OUT, { recursive: true });
  const server = await startPageServer();
  const browser = await launchBrowser();
  try {
    await triageScreenshots(browser, server.url, server.adminToken);
  } finally {
    await browser.close();
    await server.close();
  }
}
