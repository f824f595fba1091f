// `npm run congress -- <programme.csv|schedule.json> "<event title>"`: on a running server, creates
// the event with the admin token, imports its programme (rooms and sessions), and prints the
// console link, the programme's address and the command that prints every poster.
//   TRIBUNE_URL  the server (default http://localhost:3000; PORT is used when set)
//   ADMIN_TOKEN  the admin token (default: read from $DATA_DIR/admin-token, DATA_DIR ./data)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildServerIfStale } from "./build-if-stale.mjs";

buildServerIfStale();
const { parseFrab, parseProgrammeCsv } = await import("../dist/server/core/programme-import.js");

const [file, title] = process.argv.slice(2);
if (!file || !title) {
  console.error('Usage: npm run congress -- <programme.csv|schedule.json> "<event title>"');
  process.exit(2);
}
const base = (process.env.TRIBUNE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
const token = process.env.ADMIN_TOKEN ?? readFileSync(join(process.env.DATA_DIR ?? "data", "admin-token"), "utf8").trim();
const data = readFileSync(file, "utf8");
const format = file.toLowerCase().endsWith(".json") ? "frab" : "csv";

async function call(method, path, key, body) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "accept-language": "en" },
    body: JSON.stringify(body),
  });
  const answer = await res.json();
  if (!res.ok) {
    console.error(`${method} ${path}: ${answer.error?.message ?? res.status}`);
    for (const d of answer.error?.details ?? []) console.error(`  line ${d.line}: ${d.message}`);
    process.exit(1);
  }
  return answer;
}

// The file is read here first: a bad line stops before the event exists, and an event needs a room
// to be created with (the file's first; the import adds the others).
const parsed = format === "csv" ? parseProgrammeCsv(data, "Europe/Paris") : parseFrab(data, "Europe/Paris");
if (!parsed.ok) {
  console.error(`${file}: nothing was created. Fix these lines:`);
  for (const e of parsed.errors) console.error(`  line ${e.line}: ${e.message.en}`);
  process.exit(1);
}
const event = await call("POST", "/api/events", token, { title, rooms: [{ name: parsed.rows[0].room }] });
const imported = await call("POST", `/api/events/${event.id}/programme`, event.moderatorKey, { format, data });
const programme = await (await fetch(`${base}/api/programme/${event.code}`)).json();
const { rooms, sessions } = imported;
// Links people open (console, posters) use the server's PUBLIC_URL, as its QR codes do.
const site = new URL(programme.event.url).origin;
console.log(`Event "${event.title}": ${rooms.created + rooms.existing} rooms, ${sessions.created} sessions.`);
console.log(`  Moderator key (shown once): ${event.moderatorKey}`);
console.log(`  Console:   ${site}/moderator#key=${encodeURIComponent(event.moderatorKey)}`);
console.log(`  Programme: ${programme.event.url} (event code ${event.code})`);
// The posters' language: this shell's (LANG), as a person printing them would read them.
const lang = process.env.LANG?.toLowerCase().startsWith("fr") ? "fr" : "en";
console.log("  Every poster, one A4 page each (the event's, then each room's):");
console.log(
  `    chromium --headless --no-pdf-header-footer --virtual-time-budget=5000 --print-to-pdf=posters.pdf "${site}/poster/${event.code}?all&lang=${lang}"`,
);
