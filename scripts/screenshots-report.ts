// Screenshots of the report (phone and projector, in French) and the sample PDF in docs/.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { api } from "../test/helpers/clients.js";
import { OUT, PHONE, PROJECTOR, pid, shoot } from "./screenshot-kit.js";

/** The report after a session in the first room: phone and projector, and the event's report as a PDF. */
export async function reportShots(browser: Browser, base: string, key: string, eventId: string, first: Record<string, string>) {
  const auth = { token: key };
  await api(base, "POST", `/api/questions/${first.questionId}/reply`, {
    ...auth,
    body: { text: "Un fonds dédié est prévu au budget 2027, ouvert aux communes de moins de 3 500 habitants." },
  });
  await api(base, "POST", `/api/polls/${first.pollId}/close`, auth);
  const session = (
    await api(base, "POST", `/api/rooms/${first.code}/sessions`, {
      ...auth,
      body: { title: "Atelier : budgets participatifs", speakers: ["Claire Martin", "Marc Durand"] },
    })
  ).body as { id: string };
  await api(base, "POST", `/api/sessions/${session.id}/start`, auth);
  const scale = (
    await api(base, "POST", `/api/rooms/${first.code}/polls`, {
      ...auth,
      body: { title: "Cet atelier vous a-t-il été utile ?", kind: "scale" },
    })
  ).body as { id: string };
  await api(base, "POST", `/api/polls/${scale.id}/open`, auth);
  for (const [i, value] of [5, 4, 4, 3, 5, 4, 2, 5, 4, 4, 3, 5].entries())
    await api(base, "POST", `/api/polls/${scale.id}/votes`, { body: { participantId: pid(600 + i), choice: value } });
  for (const [i, emoji] of ["👏", "👏", "❤️", "🎉", "👏"].entries())
    await api(base, "POST", `/api/rooms/${first.code}/reactions`, { body: { participantId: pid(700 + i), emoji } });
  await new Promise((resolve) => setTimeout(resolve, 400)); // reactions reach the store once per tick
  const roomUrl = `${base}/report/${first.code}#key=${encodeURIComponent(key)}`;
  for (const [viewport, file] of [
    [PHONE, "report-phone.png"],
    [PROJECTOR, "report-projector.png"],
  ] as const) {
    await shoot(browser, { viewport }, roomUrl, file, async (page) => {
      await page.locator(".poll-report svg").nth(2).waitFor();
    });
  }
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(`${base}/report/event/${eventId}#key=${encodeURIComponent(key)}`);
  await page.locator(".poll-report svg").nth(2).waitFor();
  await page.pdf({ path: join(OUT, "..", "report-sample.pdf"), format: "A4", printBackground: true });
  await context.close();
  console.log("docs/report-sample.pdf");
}
