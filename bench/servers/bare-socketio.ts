// The real-time baseline: Socket.IO 4 with its defaults, speaking the same events as Tribune
// (handshake auth, `state` on connect, `vote`/`ask`/`upvote` acks, `results` coalesced with the
// same rule: at once when idle, else at most once per 100 ms) with no app logic: no validation,
// no store, no rate limits, tallies in memory. Reactions (`react`) are relayed the naive way: each
// one at once to the room's screens and moderators, the cost Tribune's coalescing avoids.
import { createServer } from "node:http";
import { Server } from "socket.io";
import { serveIpc } from "./ipc.js";
import { probeJoins } from "./join-probe.js";

/** The coalescing tick; BARE_TICK_MS changes it, to see what a shorter one would give. */
const TICK_MS = Number(process.env.BARE_TICK_MS) || 100;

interface BarePoll {
  id: string;
  roomCode: string;
  title: string;
  kind: string;
  options: string[];
  status: string;
  resultsVisible: boolean;
  createdAt: string;
  counts: number[];
  /** Word clouds: count per word. */
  words: Map<string, number>;
  ballots: Map<string, number | string>;
  seq: number;
}

const rooms = new Set<string>();
const polls = new Map<string, BarePoll>();
/** Reactions acknowledged per room and emoji, read back over IPC (`reaction-totals`). */
const reactionTotals = new Map<string, Record<string, number>>();
const questions = new Map<string, { id: string; roomCode: string; text: string; upvotes: Set<string> }>();
let ids = 0;
const newId = () => `b${(++ids).toString(36)}${Date.now().toString(36)}`;

const results = (poll: BarePoll) =>
  poll.kind === "wordcloud"
    ? {
        pollId: poll.id,
        voters: poll.ballots.size,
        words: [...poll.words.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 100)
          .map(([text, count]) => ({ text, count })),
        seq: poll.seq,
      }
    : { pollId: poll.id, voters: poll.ballots.size, counts: [...poll.counts], seq: poll.seq };
const publicPoll = ({ counts: _c, words: _w, ballots: _b, seq: _s, ...poll }: BarePoll) => poll;

const http = createServer();
const io = new Server(http);
const joinTimes = probeJoins(http, io.engine);

// Experiment (BARE_FREE_REQUEST=1): free each connection's first HTTP request. Nulling
// `conn.request` is not enough with engine.io 6.6: its WebSocketResponse keeps the request
// through a "close" listener on the TCP socket for the connection's whole life.
if (process.env.BARE_FREE_REQUEST) {
  io.engine.on("connection", (raw: { request: { socket?: NodeJS.EventEmitter } | null }) => {
    const tcp = raw.request?.socket;
    for (const listener of tcp?.listeners("close") ?? []) {
      if (String(listener).includes('this.emit("close")')) tcp?.removeListener("close", listener as () => void);
    }
    raw.request = null;
  });
}

const lastFlush = new Map<string, number>();
const scheduled = new Set<string>();
function markDirty(poll: BarePoll): void {
  if (scheduled.has(poll.id)) return;
  scheduled.add(poll.id);
  const wait = Math.max(0, (lastFlush.get(poll.id) ?? 0) + TICK_MS - Date.now());
  setTimeout(() => {
    scheduled.delete(poll.id);
    lastFlush.set(poll.id, Date.now());
    io.to(`r:${poll.roomCode}`).emit("results", results(poll));
  }, wait);
}

io.use((socket, next) => {
  const code = String(socket.handshake.auth?.code ?? "");
  if (!rooms.has(code)) return next(new Error("Unknown room code: check the code."));
  next();
});

type Ack = (answer: unknown) => void;
const ok = (ack: unknown, data: unknown) => typeof ack === "function" && (ack as Ack)({ ok: true, data });
const no = (ack: unknown, code: string) =>
  typeof ack === "function" && (ack as Ack)({ ok: false, error: { code, message: code } });

io.on("connection", (socket) => {
  const auth = socket.handshake.auth as { code: string; participantId?: string; moderatorKey?: string };
  const code = auth.code;
  const pid = auth.participantId ?? socket.id;
  socket.join(`r:${code}`);
  // Screens and moderators: where reactions go (phones get none, as in Tribune).
  if (auth.moderatorKey || (auth as { role?: string }).role === "screen") socket.join(`s:${code}`);
  const roomPolls = [...polls.values()].filter((p) => p.roomCode === code && p.status !== "draft");
  socket.emit("state", {
    room: { code, name: code, eventTitle: "Bare", premoderation: false, qaOpen: true, screen: { mode: "auto" } },
    polls: roomPolls.map((p) => ({ ...publicPoll(p), results: results(p) })),
    questions: [],
    participants: io.of("/").adapter.rooms.get(`r:${code}`)?.size ?? 0,
  });

  if (auth.moderatorKey) {
    socket.on("poll:create", (body: { title: string; kind: string; options: string[] }, ack: unknown) => {
      const poll: BarePoll = {
        id: newId(),
        roomCode: code,
        title: body.title,
        kind: body.kind,
        options: body.options ?? [],
        status: "draft",
        resultsVisible: true,
        createdAt: new Date().toISOString(),
        counts: (body.options ?? []).map(() => 0),
        words: new Map(),
        ballots: new Map(),
        seq: 0,
      };
      polls.set(poll.id, poll);
      ok(ack, publicPoll(poll));
    });
    socket.on("poll:open", (body: { pollId: string }, ack: unknown) => {
      const poll = polls.get(body.pollId);
      if (!poll) return no(ack, "not_found");
      poll.status = "open";
      io.to(`r:${code}`).emit("poll", publicPoll(poll));
      ok(ack, publicPoll(poll));
    });
  }

  socket.on("vote", (body: { pollId: string; choice: number[] | string }, ack: unknown) => {
    const poll = polls.get(body?.pollId);
    if (poll?.status !== "open") return no(ack, "conflict");
    const previous = poll.ballots.get(pid);
    if (poll.kind === "wordcloud") {
      const word = String(body.choice).trim().toLowerCase();
      if (typeof previous === "string") poll.words.set(previous, (poll.words.get(previous) ?? 1) - 1);
      poll.ballots.set(pid, word);
      poll.words.set(word, (poll.words.get(word) ?? 0) + 1);
    } else {
      const choice = Array.isArray(body.choice) ? Number(body.choice[0]) : 0;
      if (typeof previous === "number") poll.counts[previous] = (poll.counts[previous] ?? 1) - 1;
      poll.ballots.set(pid, choice);
      poll.counts[choice] = (poll.counts[choice] ?? 0) + 1;
    }
    poll.seq++;
    markDirty(poll);
    // A word cloud's ranking is sorted once per broadcast, not once per vote.
    ok(ack, poll.kind === "wordcloud" ? { pollId: poll.id, voters: poll.ballots.size, seq: poll.seq } : results(poll));
  });

  socket.on("ask", (body: { text: string }, ack: unknown) => {
    const question = { id: newId(), roomCode: code, text: String(body?.text), upvotes: new Set<string>() };
    questions.set(question.id, question);
    const view = { id: question.id, roomCode: code, text: question.text, author: "", status: "live", upvotes: 0 };
    io.to(`r:${code}`).emit("question", view);
    ok(ack, view);
  });

  socket.on("react", (body: { emoji: string }, ack: unknown) => {
    const emoji = String(body?.emoji);
    const totals = reactionTotals.get(code) ?? {};
    totals[emoji] = (totals[emoji] ?? 0) + 1;
    reactionTotals.set(code, totals);
    io.to(`s:${code}`).emit("reactions", { counts: { [emoji]: 1 } });
    ok(ack, null);
  });

  socket.on("upvote", (body: { questionId: string; on: boolean }, ack: unknown) => {
    const question = questions.get(body?.questionId);
    if (!question) return no(ack, "not_found");
    const before = question.upvotes.size;
    if (body.on) question.upvotes.add(pid);
    else question.upvotes.delete(pid);
    const view = { id: question.id, upvotes: question.upvotes.size };
    if (view.upvotes !== before) io.to(`r:${code}`).emit("question", { ...view, roomCode: code, text: question.text });
    ok(ack, view);
  });
});

await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
serveIpc(
  http,
  () => new Promise<void>((resolve) => io.close(() => resolve())),
  (message) => {
    if (message.type === "rooms") {
      const codes = Array.from({ length: Number(message.count) }, (_, i) => `BARE${i}${Date.now().toString(36)}`.slice(0, 16));
      for (const c of codes) rooms.add(c);
      return { codes };
    }
    if (message.type === "results") {
      const poll = polls.get(String(message.pollId));
      return poll ? results(poll) : { error: "unknown poll" };
    }
    if (message.type === "questions") {
      return { count: [...questions.values()].filter((q) => q.roomCode === message.code).length };
    }
    if (message.type === "reaction-totals") return { totals: reactionTotals.get(String(message.code)) ?? {} };
    if (message.type === "join-times") return { ms: joinTimes() };
    return { error: `unknown request ${String(message.type)}` };
  },
);
