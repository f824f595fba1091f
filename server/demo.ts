// `--demo`: a ready-made event to try everything, created once and remembered in DATA_DIR.
// Its content is in one language (DEMO_LANG, French by default), never two mixed in one title.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TIME_ZONE } from "../shared/limits.js";
import type { EventCreated } from "../shared/model.js";
import { TOP } from "./app.js";
import type { Tribune } from "./service/tribune.js";

const ORGANIZER = { role: "organizer" } as const;

export type DemoLang = "fr" | "en";

/** The example programmes of docs/examples, moved to the day the demo is made so "now" and "next" mean something. */
const PROGRAMME = {
  fr: { file: "programme-congres.csv", day: "17/06/2027" },
  en: { file: "programme-congress.csv", day: "2027-06-17" },
} as const;

const CONTENT = {
  fr: {
    title: "Congrès régional",
    plenary: "Auditorium",
    commute: {
      title: "Comment venez-vous au travail ?",
      options: ["Voiture", "Transports en commun", "Vélo", "À pied"],
    },
    priorities: {
      title: "Priorités de la commune",
      options: ["Rénovation des bâtiments", "Éclairage public", "Chaleur renouvelable"],
    },
    rate: "Note de la journée",
    word: "Un mot pour la journée",
  },
  en: {
    title: "Regional congress",
    plenary: "Auditorium",
    commute: { title: "How do you get to work?", options: ["Car", "Public transport", "Bike", "On foot"] },
    priorities: {
      title: "Your town’s priorities",
      options: ["Building renovation", "Street lighting", "Renewable heat"],
    },
    rate: "Rate the day",
    word: "One word for the day",
  },
} as const;

/** Today in Paris, written as the example file writes its day. */
function today(lang: DemoLang, now: Date): string {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: DEFAULT_TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  const part = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return lang === "fr" ? `${part.day}/${part.month}/${part.year}` : `${part.year}-${part.month}-${part.day}`;
}

/** The example programme of the demo's language, on today's date. */
export function demoProgramme(lang: DemoLang, now = new Date()): string {
  const { file, day } = PROGRAMME[lang];
  const text = readFileSync(join(TOP, "docs", "examples", file), "utf8");
  return text.replaceAll(day, today(lang, now));
}

export async function ensureDemo(tribune: Tribune, dataDir: string, lang: DemoLang = "fr"): Promise<EventCreated> {
  const file = join(dataDir, "demo-event.json");
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as EventCreated;
    const stillThere = await tribune.events.get(ORGANIZER, saved.id).then(
      () => true,
      () => false,
    );
    if (stillThere) return saved;
  }
  const c = CONTENT[lang];
  const created = await tribune.events.create(ORGANIZER, { title: c.title, rooms: [{ name: c.plenary }] });
  // The day itself comes from the example file, as an organizer would import it.
  await tribune.programmeImport.import(ORGANIZER, created.id, { format: "csv", data: demoProgramme(lang) });
  const { rooms } = await tribune.events.get(ORGANIZER, created.id);
  const event: EventCreated = { ...created, rooms: rooms.map(({ id, name, code }) => ({ id, name, code })) };
  // Polls prepared ahead for the sessions they belong to: the opening, the first round table, the closing.
  const sessions = (await tribune.events.programme(created.code)).sessions;
  const plenary = rooms[0]?.code ?? "";
  const [opening, keynote] = sessions;
  const table = sessions.find((s) => rooms.find((r) => r.code === s.roomCode)?.name.includes("Rabelais"));
  const closing = sessions.at(-1);
  const poll = (code: string | undefined, sessionId: string | undefined, body: Record<string, unknown>) =>
    code && sessionId ? tribune.polls.create(ORGANIZER, code, { ...body, sessionId }) : undefined;
  await poll(plenary, opening?.id, { title: c.word, kind: "wordcloud" });
  await poll(plenary, keynote?.id, { title: c.priorities.title, kind: "multiple", options: c.priorities.options });
  await poll(table?.roomCode, table?.id, { title: c.commute.title, kind: "single", options: c.commute.options });
  await poll(plenary, closing?.id, { title: c.rate, kind: "scale" });
  writeFileSync(file, JSON.stringify(event), { mode: 0o600 });
  return event;
}
