// The report of a big room: 200 polls (every kind, 20 ballots each), 5,000 questions (some
// answered, merged or upvoted) and a day of activity (480 minutes), written through the store,
// then read as a moderator would: GET /api/rooms/:code/report (median of 5, size), the report page
// in Chromium until its last poll is drawn (median of 3), and its A4 PDF (time, size, pages).
// Target: the API and the page each under 2 s. Figures go to stdout and to
// bench/results/<time>-report.json (and .md beside it). Needs a built client and Chromium.
//   npm run build:client && npx tsx bench/report.ts
//   TEST_STORE=redis TEST_REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/report.ts   (on Redis)
import { gzipSync } from "node:zlib";
import { ballotKeys } from "../server/core/polls.js";
import type { QuestionRecord } from "../server/core/questions.js";
import { newId } from "../server/core/rooms.js";
import type { Store } from "../server/store/store.js";
import type { Choice, Poll, PollKind } from "../shared/model.js";
import { CHROMIUM, launchBrowser, startPageServer } from "../test/e2e/browser.js";
import { api } from "../test/helpers/clients.js";
import { saveScenario } from "./lib/save.js";
import { distribution, round } from "./lib/stats.js";

const POLLS = 200;
const BALLOTS = 20;
const QUESTIONS = 5000;
const MINUTES = 480;
const KINDS: PollKind[] = ["single", "multiple", "scale", "wordcloud", "ranking", "open"];
const OPTIONS = ["Mobilités du quotidien", "Logement abordable", "Transition énergétique", "Services publics"];
const WORDS = ["solidaire", "rural", "dynamique", "vivant", "vert", "connecté", "jeune", "maritime"];

/** The store the server runs on: SQLite, or Redis with TEST_STORE=redis and TEST_REDIS_URL (as the tests). */
const STORE = process.env.TEST_STORE === "redis" ? "redis" : "sqlite";

const pid = (i: number) => `bench_report_participant_${i}`;

function choiceFor(kind: PollKind, i: number): Choice {
  switch (kind) {
    case "single":
      return [i % OPTIONS.length];
    case "multiple":
      return [...new Set([i % OPTIONS.length, (i * 3) % OPTIONS.length])].sort();
    case "scale":
      return 1 + (i % 5);
    case "wordcloud":
      return WORDS[i % WORDS.length]!;
    case "ranking":
      return i % 2 ? [0, 1, 2, 3] : [3, 1, 0, 2];
    case "open":
      return `Une idée pour le territoire, numéro ${i}`;
    default:
      throw new Error(`no sample ballot for ${kind}`);
  }
}

async function fill(store: Store, code: string): Promise<void> {
  for (let p = 0; p < POLLS; p++) {
    const kind = KINDS[p % KINDS.length]!;
    const poll: Poll = {
      id: newId(),
      roomCode: code,
      sessionId: null,
      title: `Sondage ${p + 1} : ${OPTIONS[p % OPTIONS.length]} ?`,
      kind,
      options: ["single", "multiple", "ranking"].includes(kind) ? OPTIONS : [],
      status: "draft",
      resultsVisible: true,
      createdAt: new Date().toISOString(),
    };
    await store.createPoll(poll);
    await store.setPollStatus(poll.id, ["draft"], "open");
    await Promise.all(
      Array.from({ length: BALLOTS }, (_, i) => {
        const choice = choiceFor(kind, i + p);
        const answer = kind === "open" ? { id: newId(), text: String(choice), createdAt: new Date().toISOString() } : undefined;
        return store.castBallot(poll.id, pid(i), choice, ballotKeys(poll, choice), answer);
      }),
    );
    await store.setPollStatus(poll.id, ["open"], "closed");
  }
  for (let start = 0; start < QUESTIONS; start += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, QUESTIONS - start) }, async (_, j) => {
        const i = start + j;
        const q: QuestionRecord = {
          id: newId(),
          roomCode: code,
          participantId: pid(1000 + i),
          clientId: null,
          text: `Question ${i + 1} : que prévoit le mandat pour ${OPTIONS[i % OPTIONS.length]!.toLowerCase()} ?`,
          author: i % 3 ? "" : `Participant ${i}`,
          status: i % 5 === 0 ? "answered" : "live",
          upvotes: 0,
          highlighted: false,
          createdAt: new Date().toISOString(),
          sessionId: null,
          reply: null,
          repliedAt: null,
          labels: [],
        };
        await store.ask(q, false);
        for (let v = 0; v < i % 7; v++) await store.setUpvote(q.id, pid(v), true, ["live", "answered"]);
        if (i % 5 === 0) await store.annotateQuestion(q.id, { reply: "Réponse donnée en séance.", repliedAt: q.createdAt });
      }),
    );
  }
  const day = Date.parse("2026-06-28T08:00:00.000Z");
  const batches = Array.from({ length: MINUTES }, (_, m) => ({
    minute: new Date(day + m * 60_000).toISOString(),
    participants: 300 + Math.round(200 * Math.sin(m / 60)),
    votes: m % 7,
    questions: m % 11,
    reactions: m % 13,
    seen: [pid(m)],
  }));
  await store.recordActivity(code, batches);
}

const ms = (from: number) => performance.now() - from;
const phaseText = (p?: { load: number; api: number; draw: number }) => (p ? `${p.load} / ${p.api} / ${p.draw} ms` : "–");

async function main() {
  if (!CHROMIUM) throw new Error("Chromium is needed: install the Debian package chromium");
  const server = await startPageServer();
  const browser = await launchBrowser();
  try {
    const created = await api(server.url, "POST", "/api/events", {
      token: server.adminToken,
      body: { title: "Congrès de la grande salle", rooms: [{ name: "Plénière" }] },
    });
    const key = created.body.moderatorKey as string;
    const code = created.body.rooms[0].code as string;
    const filling = performance.now();
    await fill(server.app.store, code);
    const fillSeconds = round(ms(filling) / 1000);

    const apiTimes: number[] = [];
    let body = "";
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/rooms/${code}/report`, { headers: { authorization: `Bearer ${key}` } });
      body = await res.text();
      apiTimes.push(ms(started));
      if (res.status !== 200) throw new Error(`report answered ${res.status}: ${body.slice(0, 200)}`);
    }
    const report = JSON.parse(body);

    const pageTimes: number[] = [];
    const phases: { loadMs: number; apiMs: number; drawMs: number }[] = [];
    let pdfMs = 0;
    let pdfBytes = 0;
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const started = performance.now();
      await page.goto(`${server.url}/report/${code}#key=${encodeURIComponent(key)}`);
      await page
        .locator(".poll-report")
        .nth(POLLS - 1)
        .waitFor();
      pageTimes.push(ms(started));
      // Where the page's time goes: loading itself, the report's request, drawing what came back.
      phases.push(
        await page.evaluate(() => {
          const api = performance.getEntriesByType("resource").find((e) => e.name.includes("/report")) as
            | PerformanceResourceTiming
            | undefined;
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          return {
            loadMs: nav.domContentLoadedEventEnd,
            apiMs: api ? api.responseEnd - api.startTime : -1,
            drawMs: api ? performance.now() - api.responseEnd : -1,
          };
        }),
      );
      if (run === 0) {
        const printing = performance.now();
        const pdf = await page.pdf({ format: "A4" });
        pdfMs = ms(printing);
        pdfBytes = pdf.length;
      }
      await context.close();
    }

    const apiMs = distribution(apiTimes);
    const pageMs = distribution(pageTimes);
    const figures = {
      store: STORE,
      room: { polls: POLLS, ballotsPerPoll: BALLOTS, questions: QUESTIONS, minutes: MINUTES },
      fillSeconds,
      apiMs: { median: round(apiMs.p50), max: round(apiMs.max), runs: apiTimes.length },
      apiBytes: body.length,
      apiGzipBytes: gzipSync(body).length,
      pageMs: { median: round(pageMs.p50), max: round(pageMs.max), runs: pageTimes.length },
      pagePhasesMs: phases.map((p) => ({ load: round(p.loadMs), api: round(p.apiMs), draw: round(p.drawMs) })),
      pdf: { ms: round(pdfMs), bytes: pdfBytes },
      pollsInReport: report.sessions[0].polls.length,
      timelinePoints: report.sessions[0].timeline.length,
    };
    const table = [
      `| ${STORE}: room of ${POLLS} polls, ${QUESTIONS} questions, ${MINUTES} minutes | figure | target |`,
      "| --- | --- | --- |",
      `| GET /api/rooms/:code/report, median of ${apiTimes.length} | ${figures.apiMs.median} ms | < 2000 ms |`,
      `| its size | ${(figures.apiBytes / 1024).toFixed(0)} KB (${(figures.apiGzipBytes / 1024).toFixed(0)} KB gzip) | |`,
      `| report page until its last poll is drawn, median of ${pageTimes.length} | ${figures.pageMs.median} ms | < 2000 ms |`,
      `| of which, first run: page load / report request / drawing | ${phaseText(figures.pagePhasesMs[0])} | |`,
      `| A4 PDF by Chromium | ${figures.pdf.ms} ms, ${(figures.pdf.bytes / 1024).toFixed(0)} KB | |`,
    ].join("\n");
    console.log(table);
    saveScenario("report", `Report of a big room (${STORE})`, figures, table);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
