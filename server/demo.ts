// `--demo`: a ready-made event to try everything, created once and remembered in DATA_DIR.
// Its content is in one language (DEMO_LANG, French by default), never two mixed in one title.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EventCreated } from "../shared/model.js";
import type { Tribune } from "./service/tribune.js";

const ORGANIZER = { role: "organizer" } as const;

export type DemoLang = "fr" | "en";

const CONTENT = {
  fr: {
    title: "Congrès régional",
    rooms: ["Table ronde 1 — Mobilités", "Table ronde 2 — Transition énergétique", "Plénière"],
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
    rooms: ["Round table 1 — Mobility", "Round table 2 — Energy transition", "Plenary"],
    commute: { title: "How do you get to work?", options: ["Car", "Public transport", "Bike", "On foot"] },
    priorities: {
      title: "Your town’s priorities",
      options: ["Building renovation", "Street lighting", "Renewable heat"],
    },
    rate: "Rate the day",
    word: "One word for the day",
  },
} as const;

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
  const event = await tribune.events.create(ORGANIZER, { title: c.title, rooms: c.rooms.map((name) => ({ name })) });
  const [first, second, plenary] = event.rooms;
  if (first && second && plenary) {
    await tribune.polls.create(ORGANIZER, first.code, { title: c.commute.title, kind: "single", options: c.commute.options });
    await tribune.polls.create(ORGANIZER, second.code, {
      title: c.priorities.title,
      kind: "multiple",
      options: c.priorities.options,
    });
    await tribune.polls.create(ORGANIZER, plenary.code, { title: c.rate, kind: "scale" });
    await tribune.polls.create(ORGANIZER, plenary.code, { title: c.word, kind: "wordcloud" });
  }
  writeFileSync(file, JSON.stringify(event), { mode: 0o600 });
  return event;
}
