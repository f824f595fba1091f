// Model-based test: random sequences of open/close/vote/reset/ask/upvote/moderate/ban and room
// settings, run against a real server over HTTP and against a small model of the contract's
// rules written here from the contract (not from the server's code). After every step the
// answer and the whole room (moderation and public views) must match the model.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { api, newParticipantId, type Reply } from "../helpers/clients.js";
import { createEvent } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";
import { expectInvariants } from "./invariants.js";

type PollStatus = "draft" | "open" | "closed";
type QStatus = "pending" | "live" | "answered" | "rejected" | "archived";
type Action = "approve" | "reject" | "answer" | "highlight" | "unhighlight" | "archive";

interface ModelPoll {
  status: PollStatus;
  /** participant index → option index: one ballot per participant. */
  ballots: Map<number, number>;
}
interface ModelQuestion {
  author: number;
  status: QStatus;
  highlighted: boolean;
  upvoters: Set<number>;
}
interface Model {
  polls: ModelPoll[];
  questions: ModelQuestion[];
  premoderation: boolean;
  qaOpen: boolean;
  banned: Set<number>;
  /** Actions each participant spent against its limits (bursts: ask 5, vote 20, upvote 40). */
  spent: { ask: number[]; vote: number[]; upvote: number[] };
  /** (participant, clientId) → question index: a retried ask returns the original. */
  asked: Map<string, number>;
}
interface Real {
  url: string;
  key: string;
  code: string;
  pids: string[];
  pollIds: string[];
  questionIds: string[];
}

const PARTICIPANTS = 4;
const BURST = { ask: 5, vote: 20, upvote: 40 } as const;
const PUBLIC: QStatus[] = ["live", "answered"];

const server = useServer();

/** Expected status, or a pair when a participant is past its burst (the refill may have let it through). */
function limited(model: Model, kind: keyof typeof BURST, p: number, ok: number): number[] {
  return model.spent[kind][p]! >= BURST[kind] ? [ok, 429] : [ok];
}

function expectStatus(res: Reply, expected: number[], what: string): void {
  expect(expected, `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
}

class CreatePoll implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.polls.length < 3;
  async run(m: Model, r: Real) {
    const res = await api(r.url, "POST", `/api/rooms/${r.code}/polls`, {
      token: r.key,
      body: { title: "Which?", kind: "single", options: ["A", "B", "C"] },
    });
    expectStatus(res, [201], "create poll");
    r.pollIds.push(res.body.id);
    m.polls.push({ status: "draft", ballots: new Map() });
  }
  toString = () => "createPoll";
}

class MovePoll implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly i: number,
    readonly move: "open" | "close" | "reset",
  ) {}
  check = (m: Readonly<Model>) => m.polls.length > 0;
  async run(m: Model, r: Real) {
    const i = this.i % m.polls.length;
    const poll = m.polls[i]!;
    const res = await api(r.url, "POST", `/api/polls/${r.pollIds[i]}/${this.move}`, { token: r.key });
    if (this.move === "reset") {
      expectStatus(res, [200], "reset");
      poll.ballots.clear();
    } else if (this.move === "open") {
      const allowed = poll.status === "draft" || poll.status === "closed";
      expectStatus(res, [allowed ? 200 : 409], "open");
      if (allowed) {
        for (const other of m.polls) if (other.status === "open") other.status = "closed";
        poll.status = "open";
      }
    } else {
      expectStatus(res, [poll.status === "open" ? 200 : 409], "close");
      if (poll.status === "open") poll.status = "closed";
    }
  }
  toString = () => `${this.move}(${this.i})`;
}

class Vote implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly i: number,
    readonly p: number,
    readonly option: number,
  ) {}
  check = (m: Readonly<Model>) => m.polls.length > 0;
  async run(m: Model, r: Real) {
    const i = this.i % m.polls.length;
    const poll = m.polls[i]!;
    const res = await api(r.url, "POST", `/api/polls/${r.pollIds[i]}/votes`, {
      body: { participantId: r.pids[this.p], choice: [this.option] },
    });
    if (poll.status === "draft") return expectStatus(res, [404], "vote on a draft");
    if (m.banned.has(this.p)) return expectStatus(res, [403], "banned vote");
    if (poll.status !== "open") return expectStatus(res, [409], "vote on a closed poll");
    expectStatus(res, limited(m, "vote", this.p, 200), "vote");
    m.spent.vote[this.p]!++;
    if (res.status === 200) poll.ballots.set(this.p, this.option);
  }
  toString = () => `vote(poll ${this.i}, p${this.p}, ${this.option})`;
}

class Ask implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly p: number,
    readonly clientId: string | null,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const body: Record<string, unknown> = { participantId: r.pids[this.p], text: `Question from p${this.p}` };
    if (this.clientId) body.clientId = this.clientId;
    const res = await api(r.url, "POST", `/api/rooms/${r.code}/questions`, { body });
    const retry = this.clientId ? m.asked.get(`${this.p}/${this.clientId}`) : undefined;
    if (retry !== undefined) {
      expectStatus(res, [200], "retried ask");
      expect(res.body.id).toBe(r.questionIds[retry]);
      return;
    }
    if (m.banned.has(this.p)) return expectStatus(res, [403], "banned ask");
    if (!m.qaOpen) return expectStatus(res, [409], "ask while Q&A is closed");
    expectStatus(res, limited(m, "ask", this.p, 201), "ask");
    m.spent.ask[this.p]!++;
    if (res.status !== 201) return;
    const status: QStatus = m.premoderation ? "pending" : "live";
    expect(res.body.status).toBe(status);
    r.questionIds.push(res.body.id);
    m.questions.push({ author: this.p, status, highlighted: false, upvoters: new Set() });
    if (this.clientId) m.asked.set(`${this.p}/${this.clientId}`, m.questions.length - 1);
  }
  toString = () => `ask(p${this.p}, ${this.clientId})`;
}

class Upvote implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly q: number,
    readonly p: number,
    readonly on: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.questions.length > 0;
  async run(m: Model, r: Real) {
    const q = m.questions[this.q % m.questions.length]!;
    const id = r.questionIds[this.q % m.questions.length];
    const res = await api(r.url, this.on ? "POST" : "DELETE", `/api/questions/${id}/upvote`, {
      body: { participantId: r.pids[this.p] },
    });
    if (m.banned.has(this.p)) return expectStatus(res, [403], "banned upvote");
    const allowed = this.on ? q.status === "live" : q.status === "live" || q.status === "answered";
    if (!allowed) return expectStatus(res, [409], "upvote not allowed");
    expectStatus(res, limited(m, "upvote", this.p, 200), "upvote");
    m.spent.upvote[this.p]!++;
    if (res.status !== 200) return;
    if (this.on) q.upvoters.add(this.p);
    else q.upvoters.delete(this.p);
    expect(res.body.upvotes).toBe(q.upvoters.size);
  }
  toString = () => `upvote(q${this.q}, p${this.p}, ${this.on})`;
}

const FROM: Record<Action, QStatus[]> = {
  approve: ["pending", "rejected"],
  reject: ["pending", "live"],
  answer: ["live"],
  archive: ["pending", "live", "answered", "rejected"],
  highlight: ["live", "answered"],
  unhighlight: ["live", "answered"],
};
const TO: Partial<Record<Action, QStatus>> = { approve: "live", reject: "rejected", answer: "answered", archive: "archived" };

class Moderate implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly q: number,
    readonly action: Action,
  ) {}
  check = (m: Readonly<Model>) => m.questions.length > 0;
  async run(m: Model, r: Real) {
    const index = this.q % m.questions.length;
    const q = m.questions[index]!;
    const res = await api(r.url, "POST", `/api/questions/${r.questionIds[index]}/moderate`, {
      token: r.key,
      body: { action: this.action },
    });
    if (!FROM[this.action].includes(q.status)) return expectStatus(res, [409], `${this.action} on ${q.status}`);
    expectStatus(res, [200], this.action);
    q.status = TO[this.action] ?? q.status;
    if (this.action === "highlight") {
      for (const other of m.questions) other.highlighted = false;
      q.highlighted = true;
    }
    if (this.action === "unhighlight") q.highlighted = false;
    if (!PUBLIC.includes(q.status)) q.highlighted = false;
  }
  toString = () => `${this.action}(q${this.q})`;
}

class Ban implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly q: number,
    readonly on: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.questions.length > 0;
  async run(m: Model, r: Real) {
    const index = this.q % m.questions.length;
    const res = await api(r.url, this.on ? "POST" : "DELETE", `/api/questions/${r.questionIds[index]}/ban`, { token: r.key });
    expectStatus(res, [200], "ban");
    const author = m.questions[index]!.author;
    if (this.on) m.banned.add(author);
    else m.banned.delete(author);
  }
  toString = () => `${this.on ? "ban" : "unban"}(q${this.q})`;
}

class Room implements fc.AsyncCommand<Model, Real> {
  constructor(readonly patch: { premoderation?: boolean; qaOpen?: boolean }) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const res = await api(r.url, "PATCH", `/api/rooms/${r.code}`, { token: r.key, body: this.patch });
    expectStatus(res, [200], "room");
    m.premoderation = this.patch.premoderation ?? m.premoderation;
    m.qaOpen = this.patch.qaOpen ?? m.qaOpen;
  }
  toString = () => `room(${JSON.stringify(this.patch)})`;
}

/** The whole room, as moderators and the public see it, against the model. */
async function compare(m: Model, r: Real): Promise<void> {
  const { moderation } = await expectInvariants(r.url, r.key, r.code);
  expect(moderation.room).toMatchObject({ premoderation: m.premoderation, qaOpen: m.qaOpen });
  expect(moderation.polls.map((p: any) => p.id)).toEqual(r.pollIds);
  m.polls.forEach((poll, i) => {
    const real = moderation.polls[i];
    expect(real.status).toBe(poll.status);
    expect(real.results.voters).toBe(poll.ballots.size);
    const counts = [0, 0, 0];
    for (const option of poll.ballots.values()) counts[option]!++;
    expect(real.results.counts).toEqual(counts);
  });
  expect(moderation.questions).toHaveLength(m.questions.length);
  m.questions.forEach((q, i) => {
    const real = moderation.questions.find((x: any) => x.id === r.questionIds[i]);
    expect(real, `question ${i}`).toMatchObject({ status: q.status, highlighted: q.highlighted, upvotes: q.upvoters.size });
  });
  const pub = (await api(r.url, "GET", `/api/rooms/${r.code}`)).body;
  expect(pub.polls.map((p: any) => p.id)).toEqual(r.pollIds.filter((_, i) => m.polls[i]!.status !== "draft"));
  const visible = r.questionIds.filter((_, i) => PUBLIC.includes(m.questions[i]!.status));
  expect(pub.questions.map((q: any) => q.id).sort()).toEqual([...visible].sort());
}

/** Wraps a command so the whole room is compared with the model after it ran. */
function checked(command: fc.AsyncCommand<Model, Real>): fc.AsyncCommand<Model, Real> {
  return {
    check: (m) => command.check(m),
    async run(m, r) {
      await command.run(m, r);
      await compare(m, r);
      steps++;
    },
    toString: () => command.toString(),
  };
}

let steps = 0;
const participant = fc.nat(PARTICIPANTS - 1);
const commands = [
  fc.constant(new CreatePoll()),
  fc.tuple(fc.nat(2), fc.constantFrom("open" as const, "close" as const, "reset" as const)).map(([i, mv]) => new MovePoll(i, mv)),
  fc.tuple(fc.nat(2), participant, fc.nat(2)).map(([i, p, o]) => new Vote(i, p, o)),
  fc.tuple(fc.nat(2), participant, fc.nat(2)).map(([i, p, o]) => new Vote(i, p, o)),
  fc.tuple(participant, fc.option(fc.constantFrom("a", "b"), { nil: null })).map(([p, c]) => new Ask(p, c)),
  fc.tuple(fc.nat(7), participant, fc.boolean()).map(([q, p, on]) => new Upvote(q, p, on)),
  fc
    .tuple(fc.nat(7), fc.constantFrom<Action>("approve", "reject", "answer", "highlight", "unhighlight", "archive"))
    .map(([q, a]) => new Moderate(q, a)),
  fc.tuple(fc.nat(7), fc.boolean()).map(([q, on]) => new Ban(q, on)),
  fc.record({ premoderation: fc.boolean(), qaOpen: fc.boolean() }, { requiredKeys: [] }).map((patch) => new Room(patch)),
].map((arb) => arb.map(checked));

describe("model-based: the room against a model of the contract", () => {
  it("random sequences of poll, vote, question, upvote, moderation and ban steps match the model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: "max" }), async (cmds) => {
        const setup = async () => {
          const ev = await createEvent(server.url);
          const model: Model = {
            polls: [],
            questions: [],
            premoderation: false,
            qaOpen: true,
            banned: new Set(),
            spent: { ask: Array(PARTICIPANTS).fill(0), vote: Array(PARTICIPANTS).fill(0), upvote: Array(PARTICIPANTS).fill(0) },
            asked: new Map(),
          };
          const real: Real = {
            url: server.url,
            key: ev.moderatorKey,
            code: ev.code,
            pids: Array.from({ length: PARTICIPANTS }, () => newParticipantId()),
            pollIds: [],
            questionIds: [],
          };
          return { model, real };
        };
        await fc.asyncModelRun(setup, cmds);
      }),
      { numRuns: 80 },
    );
    console.log(`model-based: ${steps} steps checked against the model`);
    expect(steps).toBeGreaterThan(800);
  });
});
