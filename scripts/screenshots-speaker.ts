// Screenshots of the speaker's view and the console's room keys panel (called by screenshots.ts).
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { api } from "../test/helpers/clients.js";
import { OUT, pid, shoot } from "./screenshot-kit.js";

/**
 * The speaker's view on a lectern tablet (1280×800, dark and light) during a round table with its
 * own session, and the console's room keys panel with a speaker key just made.
 */
export async function speakerShots(browser: Browser, base: string, key: string, code: string) {
  const auth = { token: key };
  const now = Date.now();
  const session = (
    await api(base, "POST", `/api/rooms/${code}/sessions`, {
      ...auth,
      body: {
        title: "Mobilités du quotidien\u202f: quelles solutions hors des métropoles\u202f?",
        speakers: ["Claire Martin", "Karim Benali"],
        startsAt: new Date(now - 40 * 60_000).toISOString(),
        endsAt: new Date(now + 12 * 60_000 + 30_000).toISOString(),
      },
    })
  ).body as { id: string };
  await api(base, "POST", `/api/sessions/${session.id}/start`, auth);
  const asks = [
    ["Comment organiser le covoiturage quand les horaires de travail sont décalés\u202f?", 11],
    ["Le transport à la demande est-il viable financièrement pour une petite intercommunalité\u202f?", 8],
    ["Quelle place pour le vélo électrique sur les routes départementales sans piste cyclable\u202f?", 6],
    ["Les lignes de car express peuvent-elles remplacer les petites lignes ferroviaires\u202f?", 4],
    ["Comment associer les employeurs aux plans de mobilité\u202f?", 2],
  ] as const;
  const ids: string[] = [];
  for (const [i, [text, votes]] of asks.entries()) {
    const q = (await api(base, "POST", `/api/rooms/${code}/questions`, { body: { participantId: pid(600 + i), text } })).body as {
      id: string;
    };
    ids.push(q.id);
    for (let v = 0; v < votes; v++)
      await api(base, "POST", `/api/questions/${q.id}/upvote`, { body: { participantId: pid(700 + v) } });
  }
  await api(base, "POST", `/api/questions/${ids[0]}/moderate`, { ...auth, body: { action: "highlight" } });
  for (const text of ["Micro baladeur côté fenêtres", "Plus que 15 minutes", "Dernière question après celle-ci"])
    await api(base, "POST", `/api/rooms/${code}/messages`, { ...auth, body: { text } });
  const speakerKey = (
    await api(base, "POST", `/api/rooms/${code}/keys`, { ...auth, body: { role: "speaker", label: "Tablette du pupitre" } })
  ).body as { key: string };
  for (const colorScheme of ["dark", "light"] as const) {
    await shoot(
      browser,
      { viewport: { width: 1280, height: 800 }, colorScheme },
      `${base}/speaker/${code}#key=${encodeURIComponent(speakerKey.key)}`,
      `speaker-${colorScheme}.png`,
      async (page) => {
        await page.locator(".highlighted-text").waitFor();
        await page.locator(".newest-message").waitFor();
      },
    );
  }
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}/moderator#key=${encodeURIComponent(key)}&room=${code}`);
  const panel = page.getByRole("region", { name: "Clés de la salle" });
  await panel.locator(".key-item").first().waitFor();
  await panel.getByLabel("Libellé (facultatif)").fill("Bénévole de la table ronde");
  await panel.getByLabel("Pour").selectOption("moderator");
  await panel.getByRole("button", { name: "Créer la clé" }).click();
  await panel.locator(".new-key").waitFor();
  await panel.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await panel.screenshot({ path: join(OUT, "console-keys.png") });
  console.log("docs/screenshots/console-keys.png");
  await context.close();
}
