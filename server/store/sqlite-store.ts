// The embedded store: one SQLite file, one transaction per command. better-sqlite3 is
// synchronous, so a command runs to its end before any other starts: there is no
// interleaving to guard against inside one process, and the transaction makes each
// command all-or-nothing on disk.
import type Database from "better-sqlite3";
import { LIMITS } from "../../shared/limits.js";
import type { BackstageMessage, Choice, Poll, PollStatus, QuestionStatus, SessionStatus } from "../../shared/model.js";
import type { StoredAnswer, Tally, TallySnapshot } from "../core/polls.js";
import type { QuestionRecord } from "../core/questions.js";
import { activityCommands } from "./sqlite-activity.js";
import {
  openDatabase,
  parseChoice,
  prepareAll,
  screenJson,
  toAnswer,
  toPoll,
  toQuestion,
  toRoom,
  toRoomKey,
  toSession,
} from "./sqlite-schema.js";
import {
  type ActivityBatch,
  AUDIT_LIMIT,
  type AuditEntry,
  type Conflict,
  type Erasure,
  type EventPatch,
  type EventRecord,
  type Missing,
  type NewAnswer,
  type NewEvent,
  type NewRoom,
  type NewRoomKey,
  type ParticipantData,
  type PollPatch,
  type PollTiming,
  type ProgrammeRefusal,
  type ProgrammeWrite,
  type QuestionNotes,
  type QuestionState,
  type ReactionTally,
  type RoomData,
  type RoomKeyRecord,
  type RoomRecord,
  type RoomSettingsPatch,
  type SessionActivity,
  type SessionMove,
  type SessionPatch,
  type SessionRecord,
  type Store,
  type TimedBallot,
  type TimedBallotRecord,
} from "./store.js";

const bit = (b: boolean): number => (b ? 1 : 0);

/** Entries of each read cache before it starts over (a bound on memory, not a tuning). */
const READ_CACHE_MAX = 50_000;

/** Thrown inside a transaction to roll it back and answer why. */
class Refusal extends Error {
  constructor(readonly reason: ProgrammeRefusal) {
    super(reason);
  }
}

export class SqliteStore implements Store {
  readonly kind = "sqlite";
  private readonly db: Database.Database;
  private readonly q: ReturnType<typeof prepareAll>;
  private readonly tx: ReturnType<SqliteStore["transactions"]>;
  private readonly act: ReturnType<typeof activityCommands>;
  private pending: {
    command: () => unknown;
    /** The command changes no poll and no ban: the hot reads below stay valid. */
    keepsReads: boolean;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }[] = [];
  /**
   * The reads every vote makes (its poll, the voter's ban) and every handshake (its room), kept
   * until a command that may change a poll, a ban or a room commits. This process is the file's only writer and a read never
   * waits, so an entry is always the committed state: forgetting them all after any other
   * write keeps that true without tracking which command touches what.
   */
  private polls = new Map<string, Poll | null>();
  private bans = new Map<string, boolean>();
  private rooms = new Map<string, RoomRecord | null>();
  /**
   * Whole tallies of polls voted on (those of at most LIMITS.topWords keys, with no answers),
   * as committed, kept up to date by each ballot: a vote's acknowledgement then copies its poll's
   * tally instead of reading it back. Forgotten with the reads above, and after any command of a
   * group commit that may change a poll (a reset, a hidden answer, an erasure).
   */
  private tallies = new Map<string, Tally>();

  constructor(file: string) {
    this.db = openDatabase(file);
    this.q = prepareAll(this.db);
    this.act = activityCommands(this.db);
    this.tx = this.transactions();
  }

  ready(): boolean {
    return this.db.open;
  }

  /** The connection's durability settings, for logs and tests (they are per connection, not per file). */
  settings(): { journalMode: string; synchronous: number; foreignKeys: boolean; busyTimeout: number } {
    const get = (name: string) => this.db.pragma(name, { simple: true });
    return {
      journalMode: String(get("journal_mode")),
      synchronous: Number(get("synchronous")),
      foreignKeys: get("foreign_keys") === 1,
      busyTimeout: Number(get("busy_timeout")),
    };
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) this.commitBatch();
    if (this.db.open) this.db.close();
  }

  /**
   * Group commit: every write that arrives during one turn of the event loop runs in one
   * outer transaction, each in its own savepoint (a nested better-sqlite3 transaction), so
   * one failing command rolls back alone. With synchronous=FULL a commit costs an fsync;
   * sharing it lets a vote storm be acknowledged in thousands per second, and each promise
   * still resolves only after the commit that holds its write.
   */
  private write<T>(command: () => T, keepsReads = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ command, keepsReads, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length === 1) setImmediate(() => this.commitBatch());
    });
  }

  private commitBatch(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    if (batch.some((op) => !op.keepsReads)) this.forgetReads();
    try {
      this.db.transaction(() => {
        for (const op of batch) {
          try {
            outcomes.push({ ok: true, value: op.command() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
          if (!op.keepsReads) this.tallies.clear();
        }
      })();
    } catch (error) {
      this.forgetReads();
      for (const op of batch) op.reject(error); // the commit itself failed: nothing was written
      return;
    }
    batch.forEach((op, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) op.resolve(outcome.value);
      else op.reject(outcome.value);
    });
  }

  private forgetReads(): void {
    this.polls.clear();
    this.bans.clear();
    this.rooms.clear();
    this.tallies.clear();
  }

  /**
   * A ballot's snapshot once it is written: its poll's kept tally moved from the previous keys to
   * the new ones and copied, or, when the poll has none kept (or outgrew what the snapshot
   * shows), read from the file.
   */
  private ballotSnapshot(
    pollId: string,
    from: readonly string[],
    to: readonly string[],
    voters: number,
    seq: number,
  ): TallySnapshot {
    const kept = this.tallies.get(pollId);
    if (kept) {
      for (const key of from) {
        const count = (kept[key] ?? 0) - 1;
        if (count > 0) kept[key] = count;
        else delete kept[key];
      }
      for (const key of to) kept[key] = (kept[key] ?? 0) + 1;
      if (Object.keys(kept).length <= LIMITS.topWords) return { tally: { ...kept }, voters, seq };
      this.tallies.delete(pollId);
    }
    const snap = this.snapshot(pollId, voters, seq);
    if (!snap.answers && Object.keys(snap.tally).length < LIMITS.topWords) {
      if (this.tallies.size >= READ_CACHE_MAX) this.tallies.clear();
      this.tallies.set(pollId, { ...snap.tally });
    }
    return snap;
  }

  private snapshot(pollId: string, voters: number, seq: number): TallySnapshot {
    const tally: Tally = {};
    for (const row of this.q.tallyOf.all(pollId)) tally[row.key] = row.count;
    const answers = this.q.newestAnswers.all(pollId).map(toAnswer);
    return answers.length > 0 ? { tally, voters, seq, answers } : { tally, voters, seq };
  }

  private room(code: string): RoomRecord | null {
    const row = this.q.getRoom.get(code);
    return row ? toRoom(row) : null;
  }

  private question(id: string): QuestionRecord | null {
    const row = this.q.getQuestion.get(id);
    return row ? toQuestion(row) : null;
  }

  /** Every command that reads before it writes, wrapped once in its transaction. */
  private transactions() {
    const { db, q } = this;
    return {
      createEvent: db.transaction((event: NewEvent): "ok" | "code_taken" => {
        const codes = event.rooms.map((r) => r.code.toUpperCase());
        const all = [event.code.toUpperCase(), ...codes];
        if (new Set(all).size !== all.length || all.some((c) => q.codeExists.get(c, c))) return "code_taken";
        q.insertEvent.run(
          event.id,
          event.title,
          event.keyHash,
          event.createdAt,
          event.retentionDays ?? null,
          event.expiresAt ?? null,
          bit(event.premoderation ?? false),
          all[0],
        );
        for (const [i, r] of event.rooms.entries())
          q.insertRoom.run(r.id, event.id, codes[i], r.name, bit(r.premoderation ?? false), event.createdAt);
        return "ok";
      }),
      addRoom: db.transaction((eventId: string, room: NewRoom, createdAt: string, maxRooms: number) => {
        if (!q.getEvent.get(eventId)) return "not_found" as const;
        if ((q.countRooms.get(eventId)?.n ?? 0) >= maxRooms) return "full" as const;
        const code = room.code.toUpperCase();
        if (q.codeExists.get(code, code)) return "code_taken" as const;
        q.insertRoom.run(room.id, eventId, code, room.name, bit(room.premoderation ?? false), createdAt);
        return this.room(code)!;
      }),
      updateEvent: db.transaction((eventId: string, patch: EventPatch): boolean => {
        const event = q.getEvent.get(eventId);
        if (!event) return false;
        q.updateEvent.run(
          patch.title ?? event.title,
          patch.premoderation === undefined ? event.premoderation : bit(patch.premoderation),
          patch.timeZone ?? event.time_zone,
          patch.autoSessions === undefined ? event.auto_sessions : bit(patch.autoSessions),
          patch.blocklist === undefined ? event.blocklist : JSON.stringify(patch.blocklist),
          eventId,
        );
        return true;
      }),
      deleteEvent: db.transaction((eventId: string): string[] | Missing => {
        if (!q.getEvent.get(eventId)) return "not_found";
        const codes = q.roomsOfEvent.all(eventId).map((r) => r.code);
        q.deleteEvent.run(eventId); // cascades to rooms, polls, ballots, tallies, questions, upvotes
        return codes;
      }),
      updateRoom: db.transaction((code: string, patch: RoomSettingsPatch): RoomRecord | Missing => {
        const room = this.room(code);
        if (!room) return "not_found";
        const premoderation = patch.premoderation ?? room.premoderation;
        const qaOpen = patch.qaOpen ?? room.qaOpen;
        q.updateRoom.run(bit(premoderation), bit(qaOpen), screenJson(patch.screen ?? room.screen), code);
        return this.room(code)!;
      }),
      updatePoll: db.transaction((pollId: string, patch: PollPatch, draftOnly: boolean): Poll | Missing | Conflict => {
        const row = q.getPoll.get(pollId);
        if (!row) return "not_found";
        if (draftOnly && row.status !== "draft") return "conflict";
        const poll = toPoll(row);
        const next = { ...poll, ...patch };
        const correct = next.correct === undefined ? null : JSON.stringify(next.correct);
        q.updatePoll.run(
          next.title,
          JSON.stringify(next.options),
          bit(next.resultsVisible),
          correct,
          next.timeLimit ?? null,
          pollId,
        );
        return toPoll(q.getPoll.get(pollId)!);
      }),
      deletePoll: db.transaction((pollId: string): Poll | Missing => {
        const row = q.getPoll.get(pollId);
        if (!row) return "not_found";
        q.deletePoll.run(pollId); // cascades to its ballots and tallies
        return toPoll(row);
      }),
      setPollStatus: db.transaction((pollId: string, from: PollStatus[], to: PollStatus, timing?: PollTiming) => {
        const row = q.getPoll.get(pollId);
        if (!row) return "not_found" as const;
        if (!from.includes(row.status as PollStatus)) return "conflict" as const;
        if (to === "open" && row.session_id !== (this.room(row.room_code)?.sessionId ?? null)) return "other_session" as const;
        const closed: Poll[] = [];
        if (to === "open") {
          for (const other of q.openPollsOfRoom.all(row.room_code, pollId)) {
            q.setPollStatus.run("closed", other.id);
            closed.push({ ...toPoll(other), status: "closed" });
          }
        }
        q.setPollStatus.run(to, pollId);
        if (timing) q.setPollTiming.run(timing.openedAt, timing.closesAt, pollId);
        return { poll: { ...toPoll(row), status: to, ...timing }, closed };
      }),
      castBallot: db.transaction(
        (pollId: string, participantId: string, choice: Choice, keys: string[], answer?: NewAnswer, timed?: TimedBallot) => {
          const poll = q.getPoll.get(pollId);
          if (!poll) return "not_found" as const;
          if (poll.status !== "open") return "not_open" as const;
          if (timed && poll.closes_at !== null && timed.at > poll.closes_at) return "late" as const;
          const previous = q.getBallot.get(pollId, participantId);
          if (previous && timed) {
            // A final ballot: the same again answers as the first did; another one is refused.
            return previous.choice === JSON.stringify(choice)
              ? this.snapshot(pollId, poll.voters, poll.seq)
              : ("conflict" as const);
          }
          const before = previous ? (JSON.parse(previous.keys) as string[]) : [];
          for (const key of before) {
            q.decrement.run(pollId, key);
            q.dropEmpty.run(pollId, key);
          }
          q.putBallot.run(pollId, participantId, JSON.stringify(choice), JSON.stringify(keys), timed?.at ?? null);
          for (const key of keys) q.increment.run(pollId, key);
          if (answer) {
            const mine = q.answerOf.get(pollId, participantId);
            if (mine?.text !== answer.text) {
              if (mine) q.deleteAnswer.run(pollId, mine.id);
              q.insertAnswer.run(answer.id, pollId, participantId, answer.text, answer.createdAt);
            }
          }
          const voters = poll.voters + (previous ? 0 : 1);
          q.setPollCounters.run(voters, poll.seq + 1, pollId);
          if (answer) return this.snapshot(pollId, voters, poll.seq + 1);
          return this.ballotSnapshot(pollId, before, keys, voters, poll.seq + 1);
        },
      ),
      setNickname: db.transaction((code: string, participantId: string, nickname: string, folded: string) => {
        if (!q.roomExists.get(code)) return "not_found" as const;
        const holder = q.nicknameHolder.get(code, folded);
        if (holder && holder.participant_id !== participantId) return "taken" as const;
        q.putNickname.run(code, participantId, nickname, folded);
        return "ok" as const;
      }),
      resetPoll: db.transaction((pollId: string): TallySnapshot | Missing => {
        const poll = q.getPoll.get(pollId);
        if (!poll) return "not_found";
        q.deleteBallots.run(pollId);
        q.deleteTallies.run(pollId);
        q.deleteAnswers.run(pollId);
        q.setPollCounters.run(0, poll.seq + 1, pollId);
        return { tally: {}, voters: 0, seq: poll.seq + 1 };
      }),
      setAnswerHidden: db.transaction((pollId: string, answerId: string, hidden: boolean): TallySnapshot | Missing => {
        const poll = q.getPoll.get(pollId);
        if (!poll || q.setAnswerHidden.run(bit(hidden), pollId, answerId).changes === 0) return "not_found";
        q.setPollCounters.run(poll.voters, poll.seq + 1, pollId);
        return this.snapshot(pollId, poll.voters, poll.seq + 1);
      }),
      addReactions: db.transaction((code: string, counts: ReactionTally) => {
        if (!q.roomExists.get(code)) return;
        for (const [emoji, n] of Object.entries(counts)) if (n > 0) q.addReactions.run(emoji, n, code);
      }),
      ask: db.transaction((question: QuestionRecord, requireQaOpen: boolean) => {
        const room = this.room(question.roomCode);
        if (!room) return "not_found" as const;
        // A retried ask answers the original even after Q&A closed, so look it up first.
        if (question.clientId !== null) {
          const existing = q.findAsk.get(room.code, question.participantId, question.clientId);
          if (existing) return { question: toQuestion(existing), created: false };
        }
        if (requireQaOpen && !room.qaOpen) return "closed" as const;
        const { id, participantId, clientId, text, author, status, highlighted, upvotes, createdAt } = question;
        const session = room.sessionId; // the room's current session, read in this same step
        q.insertQuestion.run(
          id,
          room.code,
          participantId,
          clientId,
          text,
          author,
          status,
          bit(highlighted),
          upvotes,
          createdAt,
          session,
        );
        return { question: this.question(id)!, created: true };
      }),
      setUpvote: db.transaction((questionId: string, participantId: string, on: boolean, allowed: QuestionStatus[]) => {
        const question = this.question(questionId);
        if (!question) return "not_found" as const;
        if (!allowed.includes(question.status)) return "conflict" as const;
        const changed = on
          ? q.addUpvote.run(questionId, participantId).changes
          : q.removeUpvote.run(questionId, participantId).changes;
        if (changed === 0) return question; // already in the asked state: nothing to count
        q.bumpUpvotes.run(on ? 1 : -1, questionId);
        return this.question(questionId)!;
      }),
      mergeQuestion: db.transaction((questionId: string, intoId: string, from: QuestionStatus[], intoFrom: QuestionStatus[]) => {
        const question = this.question(questionId);
        if (!question) return "not_found" as const;
        if (!from.includes(question.status)) return "conflict" as const;
        const into = this.question(intoId);
        const targetOk = into && into.id !== question.id && into.roomCode === question.roomCode;
        if (!targetOk || !intoFrom.includes(into.status)) return "bad_target" as const;
        // An asker erased by retention ('') is nobody: it adds no upvote.
        const voters = q.upvotersOf.all(questionId).map((r) => r.participant_id);
        if (question.participantId !== "") voters.push(question.participantId);
        let added = 0;
        for (const voter of voters) added += q.addUpvote.run(intoId, voter).changes;
        if (added > 0) q.bumpUpvotes.run(added, intoId);
        q.setMerged.run(intoId, questionId);
        return { question: this.question(questionId)!, into: this.question(intoId)! };
      }),
      annotateQuestion: db.transaction((questionId: string, notes: QuestionNotes) => {
        const question = this.question(questionId);
        if (!question) return "not_found" as const;
        if (notes.reply !== undefined) q.setReply.run(notes.reply, notes.repliedAt ?? null, questionId);
        if (notes.labels !== undefined) q.setLabels.run(JSON.stringify(notes.labels), questionId);
        return this.question(questionId)!;
      }),
      updateQuestion: db.transaction((questionId: string, expected: QuestionState, next: QuestionState) => {
        const question = this.question(questionId);
        if (!question) return "not_found" as const;
        if (question.status !== expected.status || question.highlighted !== expected.highlighted) return "conflict" as const;
        const unhighlighted: QuestionRecord[] = [];
        if (next.highlighted) {
          for (const other of q.highlightedOthers.all(question.roomCode, questionId)) {
            q.setQuestionState.run(other.status, 0, other.id);
            unhighlighted.push({ ...toQuestion(other), highlighted: false });
          }
        }
        q.setQuestionState.run(next.status, bit(next.highlighted), questionId);
        return { question: { ...question, ...next }, unhighlighted };
      }),
      createSession: db.transaction((s: SessionRecord, max: number): "ok" | Missing | "full" => {
        if (!q.roomExists.get(s.roomCode)) return "not_found";
        if ((q.countSessions.get(s.roomCode)?.n ?? 0) >= max) return "full";
        const speakers = JSON.stringify(s.speakers);
        q.insertSession.run(s.id, s.roomCode, s.title, speakers, s.startsAt, s.endsAt, s.status, s.createdAt, s.statusAt);
        return "ok";
      }),
      importProgramme: db.transaction((eventId: string, w: ProgrammeWrite, maxRooms: number, maxSessions: number) => {
        // Any refusal throws, so the savepoint rolls back whatever this import wrote before it.
        if (!q.getEvent.get(eventId)) throw new Refusal("not_found");
        if ((q.countRooms.get(eventId)?.n ?? 0) + w.rooms.length > maxRooms) throw new Refusal("rooms_full");
        for (const room of w.rooms) {
          const code = room.code.toUpperCase();
          if (q.codeExists.get(code, code)) throw new Refusal("code_taken");
          q.insertRoom.run(room.id, eventId, code, room.name, bit(room.premoderation ?? false), w.createdAt);
        }
        for (const s of w.sessions) {
          if (!q.roomExists.get(s.roomCode)) throw new Refusal("not_found");
          const speakers = JSON.stringify(s.speakers);
          q.insertSession.run(s.id, s.roomCode, s.title, speakers, s.startsAt, s.endsAt, s.status, s.createdAt, s.statusAt);
        }
        for (const u of w.updates) {
          const row = q.getSession.get(u.id);
          if (!row) throw new Refusal("conflict");
          const next = toSession(row);
          q.updateSession.run(next.title, JSON.stringify(u.speakers), next.startsAt, u.endsAt, u.id);
        }
        for (const code of new Set(w.sessions.map((s) => s.roomCode)))
          if ((q.countSessions.get(code)?.n ?? 0) > maxSessions) throw new Refusal("sessions_full");
      }),
      updateSession: db.transaction((sessionId: string, patch: SessionPatch): SessionRecord | Missing => {
        const row = q.getSession.get(sessionId);
        if (!row) return "not_found";
        const next = { ...toSession(row), ...patch };
        q.updateSession.run(next.title, JSON.stringify(next.speakers), next.startsAt, next.endsAt, sessionId);
        return toSession(q.getSession.get(sessionId)!);
      }),
      deleteSession: db.transaction((sessionId: string): SessionRecord | Missing | Conflict => {
        const row = q.getSession.get(sessionId);
        if (!row) return "not_found";
        if (row.status === "live") return "conflict";
        q.releasePolls.run(sessionId);
        q.releaseQuestions.run(sessionId);
        q.clearCurrentSession.run(sessionId);
        q.deleteSession.run(sessionId);
        return toSession(row);
      }),
      setSessionStatus: db.transaction(
        (sessionId: string, from: SessionStatus[], to: SessionStatus, at: string): SessionMove | Missing | Conflict => {
          const row = q.getSession.get(sessionId);
          if (!row) return "not_found";
          if (!from.includes(row.status as SessionStatus)) return "conflict";
          const ended: SessionRecord[] = [];
          const closed: Poll[] = [];
          if (to === "live") {
            for (const other of q.liveOthers.all(row.room_code, sessionId)) {
              q.setSessionStatus.run("ended", at, other.id);
              ended.push({ ...toSession(other), status: "ended", statusAt: at });
            }
            for (const poll of q.openPollsOfOtherSessions.all(row.room_code, sessionId)) {
              q.setPollStatus.run("closed", poll.id);
              closed.push({ ...toPoll(poll), status: "closed" });
            }
            q.setCurrentSession.run(sessionId, row.room_code);
          }
          q.setSessionStatus.run(to, at, sessionId);
          return { session: { ...toSession(row), status: to, statusAt: at }, ended, closed };
        },
      ),
      eraseParticipants: db.transaction((eventId: string): Erasure | Missing => {
        if (!q.getEvent.get(eventId)) return "not_found";
        q.eraseAnswerers.run(eventId); // the answers stay, no longer tied to anyone
        q.eraseNicknames.run(eventId);
        this.act.erase(eventId); // the report's distinct counts stay
        return {
          ballots: q.eraseBallots.run(eventId).changes,
          upvotes: q.eraseUpvotes.run(eventId).changes,
          questions: q.eraseAskers.run(eventId).changes,
          bans: q.eraseBans.run(eventId).changes,
        };
      }),
      appendAudit: db.transaction((code: string, e: AuditEntry) => {
        if (!q.roomExists.get(code)) return;
        q.insertAudit.run(code, e.at, e.actor, e.action, e.targetId);
        q.trimAudit.run(code, code, AUDIT_LIMIT);
      }),
      roomData: db.transaction((code: string): RoomData | null => {
        const room = this.room(code);
        if (!room) return null;
        const polls = q.pollsOfRoom.all(code);
        const tallies: Record<string, TallySnapshot> = {};
        for (const p of polls) tallies[p.id] = { tally: {}, voters: p.voters, seq: p.seq };
        for (const t of q.talliesOfRoom.all(code)) tallies[t.poll_id]!.tally[t.key] = t.count;
        for (const a of q.newestAnswersOfRoom.all(code)) {
          const snap = tallies[a.poll_id]!;
          snap.answers = [...(snap.answers ?? []), toAnswer(a)];
        }
        const questions = q.questionsOfRoom.all(code).map(toQuestion);
        const sessions = q.sessionsOfRoom.all(code).map(toSession);
        return { room, polls: polls.map(toPoll), tallies, questions, sessions };
      }),
    };
  }

  async createEvent(event: NewEvent): Promise<"ok" | "code_taken"> {
    return this.write(() => this.tx.createEvent(event));
  }

  async getEvent(eventId: string): Promise<EventRecord | null> {
    const event = this.q.getEvent.get(eventId);
    if (!event) return null;
    const rooms = this.q.roomsOfEvent.all(eventId).map(toRoom);
    return {
      id: event.id,
      code: event.code,
      title: event.title,
      timeZone: event.time_zone,
      autoSessions: event.auto_sessions === 1,
      retentionDays: event.retention_days,
      premoderation: event.premoderation === 1,
      blocklist: JSON.parse(event.blocklist) as string[],
      createdAt: event.created_at,
      rooms,
    };
  }

  async eventIdForCode(code: string): Promise<string | null> {
    const c = code.toUpperCase();
    return this.q.eventForCode.get(c, c)?.id ?? null;
  }

  async updateEvent(eventId: string, patch: EventPatch): Promise<EventRecord | Missing> {
    const found = await this.write(() => this.tx.updateEvent(eventId, patch));
    return found ? ((await this.getEvent(eventId)) ?? "not_found") : "not_found";
  }

  async eventBlocklist(eventId: string): Promise<string[]> {
    const row = this.q.eventBlocklist.get(eventId);
    return row ? (JSON.parse(row.blocklist) as string[]) : [];
  }

  async eventIdForKey(keyHash: string): Promise<string | null> {
    return this.q.eventForKey.get(keyHash)?.id ?? null;
  }

  async addRoom(eventId: string, room: NewRoom, createdAt: string, maxRooms: number) {
    return this.write(() => this.tx.addRoom(eventId, room, createdAt, maxRooms));
  }

  async deleteEvent(eventId: string): Promise<string[] | Missing> {
    return this.write(() => this.tx.deleteEvent(eventId));
  }

  async getRoom(code: string): Promise<RoomRecord | null> {
    const known = this.rooms.get(code);
    if (known !== undefined) return known === null ? null : { ...known };
    const room = this.room(code);
    if (this.rooms.size >= READ_CACHE_MAX) this.rooms.clear();
    this.rooms.set(code, room);
    return room === null ? null : { ...room };
  }

  async updateRoom(code: string, patch: RoomSettingsPatch): Promise<RoomRecord | Missing> {
    return this.write(() => this.tx.updateRoom(code, patch));
  }

  async createPoll(poll: Poll): Promise<void> {
    const { id, roomCode, title, kind, options, status, resultsVisible, createdAt, sessionId } = poll;
    const json = JSON.stringify(options);
    const correct = poll.correct === undefined ? null : JSON.stringify(poll.correct);
    await this.write(() =>
      this.q.insertPoll.run(
        id,
        roomCode,
        title,
        kind,
        json,
        status,
        bit(resultsVisible),
        createdAt,
        sessionId,
        correct,
        poll.timeLimit ?? null,
      ),
    );
  }

  async createSession(session: SessionRecord, max: number): Promise<"ok" | Missing | "full"> {
    return this.write(() => this.tx.createSession(session, max));
  }

  async importProgramme(eventId: string, write: ProgrammeWrite, maxRooms: number, maxSessions: number) {
    return this.write((): "ok" | ProgrammeRefusal => {
      try {
        this.tx.importProgramme(eventId, write, maxRooms, maxSessions);
        return "ok";
      } catch (error) {
        if (error instanceof Refusal) return error.reason;
        throw error;
      }
    });
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    const row = this.q.getSession.get(sessionId);
    return row ? toSession(row) : null;
  }

  async listSessions(code: string): Promise<SessionRecord[]> {
    return this.q.sessionsOfRoom.all(code).map(toSession);
  }

  async updateSession(sessionId: string, patch: SessionPatch): Promise<SessionRecord | Missing> {
    return this.write(() => this.tx.updateSession(sessionId, patch));
  }

  async deleteSession(sessionId: string): Promise<SessionRecord | Missing | Conflict> {
    return this.write(() => this.tx.deleteSession(sessionId));
  }

  async setSessionStatus(sessionId: string, from: SessionStatus[], to: SessionStatus, at: string) {
    return this.write(() => this.tx.setSessionStatus(sessionId, from, to, at));
  }

  async autoSessionEvents(): Promise<string[]> {
    return this.q.autoSessionEvents.all().map((r) => r.id);
  }

  async getPoll(pollId: string): Promise<Poll | null> {
    const known = this.polls.get(pollId);
    if (known !== undefined) return known === null ? null : { ...known };
    const row = this.q.getPoll.get(pollId);
    const poll = row ? toPoll(row) : null;
    if (this.polls.size >= READ_CACHE_MAX) this.polls.clear();
    this.polls.set(pollId, poll);
    return poll === null ? null : { ...poll };
  }

  async updatePoll(pollId: string, patch: PollPatch, draftOnly: boolean): Promise<Poll | Missing | Conflict> {
    return this.write(() => this.tx.updatePoll(pollId, patch, draftOnly));
  }

  async deletePoll(pollId: string): Promise<Poll | Missing> {
    return this.write(() => this.tx.deletePoll(pollId));
  }

  async setPollStatus(pollId: string, from: PollStatus[], to: PollStatus, timing?: PollTiming) {
    return this.write(() => this.tx.setPollStatus(pollId, from, to, timing));
  }

  async castBallot(
    pollId: string,
    participantId: string,
    choice: Choice,
    keys: string[],
    answer?: NewAnswer,
    timed?: TimedBallot,
  ) {
    return this.write(() => this.tx.castBallot(pollId, participantId, choice, keys, answer, timed), true);
  }

  async timedBallots(pollId: string): Promise<TimedBallotRecord[]> {
    return this.q.timedBallots
      .all(pollId)
      .map((b) => ({ participantId: b.participant_id, choice: parseChoice(b.choice), at: b.at ?? "" }));
  }

  async dueQuizzes(now: string): Promise<string[]> {
    return this.q.dueQuizzes.all(now).map((r) => r.id);
  }

  async setNickname(code: string, participantId: string, nickname: string, folded: string) {
    return this.write(() => this.tx.setNickname(code, participantId, nickname, folded), true);
  }

  async nicknames(code: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.q.nicknamesOf.all(code).map((r) => [r.participant_id, r.nickname]));
  }

  async answer(pollId: string, answerId: string): Promise<StoredAnswer | null> {
    const row = this.q.getAnswer.get(pollId, answerId);
    return row ? toAnswer(row) : null;
  }

  async setAnswerHidden(pollId: string, answerId: string, hidden: boolean): Promise<TallySnapshot | Missing> {
    return this.write(() => this.tx.setAnswerHidden(pollId, answerId, hidden));
  }

  async addReactions(code: string, counts: ReactionTally): Promise<void> {
    await this.write(() => this.tx.addReactions(code, counts), true);
  }

  async reactionTotals(code: string): Promise<ReactionTally> {
    return Object.fromEntries(this.q.reactionsOf.all(code).map((r) => [r.emoji, r.count]));
  }

  async resetPoll(pollId: string): Promise<TallySnapshot | Missing> {
    return this.write(() => this.tx.resetPoll(pollId));
  }

  async tally(pollId: string): Promise<TallySnapshot | null> {
    const poll = this.q.getPoll.get(pollId);
    return poll ? this.snapshot(pollId, poll.voters, poll.seq) : null;
  }

  async findAsk(roomCode: string, participantId: string, clientId: string): Promise<QuestionRecord | null> {
    const row = this.q.findAsk.get(roomCode, participantId, clientId);
    return row ? toQuestion(row) : null;
  }

  async ask(question: QuestionRecord, requireQaOpen: boolean) {
    return this.write(() => this.tx.ask(question, requireQaOpen), true);
  }

  async getQuestion(questionId: string): Promise<QuestionRecord | null> {
    return this.question(questionId);
  }

  async setUpvote(questionId: string, participantId: string, on: boolean, allowed: QuestionStatus[]) {
    return this.write(() => this.tx.setUpvote(questionId, participantId, on, allowed), true);
  }

  async updateQuestion(questionId: string, expected: QuestionState, next: QuestionState) {
    return this.write(() => this.tx.updateQuestion(questionId, expected, next));
  }

  async mergeQuestion(questionId: string, intoId: string, from: QuestionStatus[], intoFrom: QuestionStatus[]) {
    return this.write(() => this.tx.mergeQuestion(questionId, intoId, from, intoFrom));
  }

  async annotateQuestion(questionId: string, notes: QuestionNotes) {
    return this.write(() => this.tx.annotateQuestion(questionId, notes));
  }

  async rotateKey(eventId: string, keyHash: string): Promise<"ok" | Missing> {
    return this.write(() => (this.q.setKeyHash.run(keyHash, eventId).changes === 0 ? "not_found" : "ok"));
  }

  async createRoomKey(key: NewRoomKey, max: number): Promise<RoomKeyRecord | Missing | "full"> {
    return this.write(() => {
      if (!this.q.roomExists.get(key.roomCode)) return "not_found";
      if (this.q.countRoomKeys.get(key.roomCode)!.n >= max) return "full";
      this.q.insertRoomKey.run(key.id, key.roomCode, key.role, key.label, key.keyHash, key.createdAt);
      return toRoomKey(this.q.getRoomKey.get(key.id)!);
    });
  }

  async listRoomKeys(code: string): Promise<RoomKeyRecord[]> {
    return this.q.roomKeysOf.all(code).map(toRoomKey);
  }

  async getRoomKey(keyId: string): Promise<RoomKeyRecord | null> {
    const row = this.q.getRoomKey.get(keyId);
    return row ? toRoomKey(row) : null;
  }

  async findRoomKey(keyHash: string): Promise<RoomKeyRecord | null> {
    const row = this.q.roomKeyForHash.get(keyHash);
    return row ? toRoomKey(row) : null;
  }

  async deleteRoomKey(keyId: string): Promise<RoomKeyRecord | Missing> {
    return this.write(() => {
      const row = this.q.getRoomKey.get(keyId);
      if (!row) return "not_found";
      this.q.deleteRoomKey.run(keyId);
      return toRoomKey(row);
    });
  }

  async addMessage(code: string, message: BackstageMessage, keep: number): Promise<"ok" | Missing> {
    return this.write(() => {
      if (!this.q.roomExists.get(code)) return "not_found";
      this.q.insertMessage.run(message.id, code, message.text, message.at);
      this.q.trimMessages.run(code, code, keep);
      return "ok";
    });
  }

  async messages(code: string): Promise<BackstageMessage[]> {
    return this.q.messagesOf.all(code);
  }

  async setBan(code: string, participantId: string, on: boolean): Promise<boolean | Missing> {
    return this.write(() => {
      if (!this.q.roomExists.get(code)) return "not_found";
      const statement = on ? this.q.addBan : this.q.removeBan;
      return statement.run(code, participantId).changes > 0;
    });
  }

  async isBanned(code: string, participantId: string): Promise<boolean> {
    const key = `${code} ${participantId}`;
    const known = this.bans.get(key);
    if (known !== undefined) return known;
    const banned = this.q.isBanned.get(code, participantId) !== undefined;
    if (this.bans.size >= READ_CACHE_MAX) this.bans.clear();
    this.bans.set(key, banned);
    return banned;
  }

  async appendAudit(code: string, entry: AuditEntry): Promise<void> {
    await this.write(() => this.tx.appendAudit(code, entry), true);
  }

  async auditLog(code: string): Promise<AuditEntry[]> {
    return this.q.auditOf.all(code).map((r) => ({
      at: r.at,
      actor: r.actor as AuditEntry["actor"],
      action: r.action,
      targetId: r.target_id,
    }));
  }

  async expiredEvents(now: string): Promise<string[]> {
    return this.q.expiredEvents.all(now).map((r) => r.id);
  }

  async setRetention(eventId: string, retentionDays: number, expiresAt: string): Promise<"ok" | Missing> {
    return this.write(() => (this.q.setRetention.run(retentionDays, expiresAt, eventId).changes > 0 ? "ok" : "not_found"));
  }

  async recordActivity(code: string, batches: ActivityBatch[]): Promise<void> {
    // Flushed every few seconds during a plenary: forgetting the reads here would send the next
    // thousands of votes back to the file for their poll and their voter's ban.
    if (batches.length > 0) await this.write(() => this.act.record(code, batches), true);
  }

  async activity(code: string): Promise<SessionActivity[]> {
    return this.act.read(code);
  }

  async eraseParticipants(eventId: string): Promise<Erasure | Missing> {
    return this.write(() => this.tx.eraseParticipants(eventId));
  }

  async roomData(code: string): Promise<RoomData | null> {
    return this.tx.roomData(code);
  }

  async participantData(code: string, participantId: string): Promise<ParticipantData> {
    const ballots: Record<string, Choice> = {};
    for (const b of this.q.ballotsOf.all(participantId, code)) ballots[b.poll_id] = parseChoice(b.choice);
    const upvoted = this.q.upvotedBy.all(participantId, code).map((u) => u.question_id);
    const nickname = this.q.nicknameOf.get(code, participantId)?.nickname ?? null;
    return { ballots, upvoted, nickname };
  }
}

export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(file);
}
