// Similar questions at scale: one room of 2,000 questions (French and English, made from the
// labelled set's questions crossed with places and audiences), then
// - the index build (every question analysed and indexed: the first moderation view of a room);
// - one `/similar` query (a phone's text against the room), 2,000 times: median and p99;
// - the moderation view's `similar` lists for every question of the room (recomputed only when
//   the room's questions changed).
//   npx tsx bench/similarity.ts
// Figures go to stdout and to bench/results/<time>-similarity.json (and .md beside it).
import { SIMILAR_THRESHOLD, SimilarityIndex } from "../server/core/similarity.js";
import { RoomIndexes } from "../server/service/similar-questions.js";
import type { Question } from "../shared/model.js";
import fixture from "../test/fixtures/similar-questions.json" with { type: "json" };
import { saveScenario } from "./lib/save.js";
import { distribution, round } from "./lib/stats.js";

const ROOM_SIZE = 2000;
const QUERIES = 2000;

/** A deterministic pseudo-random sequence, so every run measures the same room. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const FR_TAILS = [
  "à Lyon",
  "dans une petite commune",
  "pour une métropole",
  "dans les Hauts-de-France",
  "en 2027",
  "pour les agents",
  "en zone rurale",
  "à l’échelle intercommunale",
  "",
  "",
];
const EN_TAILS = [
  "in Leeds",
  "for a small town",
  "for a county council",
  "by 2027",
  "for our staff",
  "in rural areas",
  "across the region",
  "",
  "",
];

function room(): { id: string; text: string }[] {
  const rand = random(42);
  const base = fixture.pairs.flatMap((p) => [
    { text: p.a, lang: p.lang },
    { text: p.b, lang: p.lang },
  ]);
  return Array.from({ length: ROOM_SIZE }, (_, i) => {
    const { text, lang } = base[Math.floor(rand() * base.length)] as { text: string; lang: string };
    const tails = lang === "fr" ? FR_TAILS : EN_TAILS;
    const tail = tails[Math.floor(rand() * tails.length)] as string;
    return { id: `q${i}`, text: tail ? `${text.replace(/\s*[?]$/, "")} ${tail} ?` : text };
  });
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

const questions = room();
const rand = random(7);

// Warm the code paths once, so the first figures do not measure the compiler.
const warm = new SimilarityIndex();
for (const q of questions.slice(0, 200)) warm.add(q.id, q.text);
for (const q of questions.slice(0, 200)) warm.query(q.text);

const builds: number[] = [];
let index = new SimilarityIndex();
for (let run = 0; run < 5; run++) {
  index = new SimilarityIndex();
  const start = process.hrtime.bigint();
  for (const q of questions) index.add(q.id, q.text);
  builds.push(ms(start));
}

const queryTimes: number[] = [];
let found = 0;
for (let i = 0; i < QUERIES; i++) {
  const text = (questions[Math.floor(rand() * questions.length)] as { text: string }).text.toLowerCase();
  const start = process.hrtime.bigint();
  found += index.query(text, { limit: 3 }).length;
  queryTimes.push(ms(start));
}

// The moderation view: all lists, then again with nothing changed (cached).
const asQuestions: Question[] = questions.map((q) => ({
  ...q,
  roomCode: "BENCH1",
  author: "",
  reply: null,
  repliedAt: null,
  labels: [],
  sessionId: null,
  status: "live",
  upvotes: 0,
  highlighted: false,
  createdAt: new Date(0).toISOString(),
}));
const indexes = new RoomIndexes();
let start = process.hrtime.bigint();
indexes.sync("BENCH1", asQuestions);
const firstSync = ms(start);
start = process.hrtime.bigint();
indexes.similarByQuestion("BENCH1");
const allLists = ms(start);
start = process.hrtime.bigint();
indexes.sync("BENCH1", asQuestions);
indexes.similarByQuestion("BENCH1");
const unchanged = ms(start);

const query = distribution(queryTimes);
const build = distribution(builds);
const figures = {
  roomSize: ROOM_SIZE,
  threshold: SIMILAR_THRESHOLD,
  buildMs: { median: round(build.p50), max: round(build.max), runs: builds.length },
  queryMs: { median: round(query.p50), p99: round(query.p99), max: round(query.max), queries: QUERIES },
  averageSuggestions: round(found / QUERIES),
  moderationView: {
    firstSyncMs: round(firstSync),
    similarListsForEveryQuestionMs: round(allLists),
    unchangedRoomMs: round(unchanged),
  },
};

const table = [
  `| ${ROOM_SIZE} questions in a room | figure |`,
  "| --- | --- |",
  `| index build (median of ${builds.length}) | ${figures.buildMs.median} ms |`,
  `| one query: median | ${figures.queryMs.median} ms |`,
  `| one query: p99 (target < 5 ms) | ${figures.queryMs.p99} ms |`,
  `| moderation view: first sync | ${figures.moderationView.firstSyncMs} ms |`,
  `| moderation view: similar lists of every question | ${figures.moderationView.similarListsForEveryQuestionMs} ms |`,
  `| moderation view: room unchanged since the last view | ${figures.moderationView.unchangedRoomMs} ms |`,
].join("\n");
console.log(table);

saveScenario("similarity", "Similar questions", figures, table);
