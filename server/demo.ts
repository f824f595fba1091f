// `--demo`: a ready-made event to try everything, created once and remembered in DATA_DIR.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EventCreated } from "../shared/model.js";
import type { Tribune } from "./service/tribune.js";

const ORGANIZER = { role: "organizer" } as const;

export async function ensureDemo(tribune: Tribune, dataDir: string): Promise<EventCreated> {
  const file = join(dataDir, "demo-event.json");
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as EventCreated;
    const stillThere = await tribune.events.get(ORGANIZER, saved.id).then(
      () => true,
      () => false,
    );
    if (stillThere) return saved;
  }
  const event = await tribune.events.create(ORGANIZER, {
    title: "Congrès régional",
    rooms: [{ name: "Table ronde 1 — Mobilités" }, { name: "Table ronde 2 — Transition énergétique" }, { name: "Plénière" }],
  });
  const [first, second, plenary] = event.rooms;
  if (first && second && plenary) {
    await tribune.polls.create(ORGANIZER, first.code, {
      title: "Comment venez-vous au travail ? / How do you get to work?",
      kind: "single",
      options: ["Voiture / Car", "Transports en commun / Public transport", "Vélo / Bike", "À pied / On foot"],
    });
    await tribune.polls.create(ORGANIZER, second.code, {
      title: "Priorités de la commune / Your town's priorities",
      kind: "multiple",
      options: [
        "Rénovation des bâtiments / Building renovation",
        "Éclairage public / Street lighting",
        "Chaleur renouvelable / Renewable heat",
      ],
    });
    await tribune.polls.create(ORGANIZER, plenary.code, { title: "Note de la journée / Rate the day", kind: "scale" });
    await tribune.polls.create(ORGANIZER, plenary.code, {
      title: "Un mot pour la journée / One word for the day",
      kind: "wordcloud",
    });
  }
  writeFileSync(file, JSON.stringify(event), { mode: 0o600 });
  return event;
}
