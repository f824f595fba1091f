// Each node keeps a similarity index per room (server/core/similarity.ts), rebuilt from the
// store rather than trusted: other nodes change questions too, and this node hears of it only
// through its sockets. The rule is simple:
// - the moderation view reads every question of the room anyway, so it syncs the index with
//   what it read (only new or changed texts are analysed again): always exact;
// - `GET /api/rooms/:code/similar` reuses the index when it was synced less than
//   `FRESH_FOR_MS` ago and no question changed on this node since, else reads the room first.
//   A question asked or moderated on another node shows there at most that late.
import type { Question, QuestionStatus } from "../../shared/model.js";
import { isPublicStatus } from "../../shared/visibility.js";
import { SimilarityIndex } from "../core/similarity.js";

export const FRESH_FOR_MS = 2000;
/**
 * Questions of a room whose `similar` list the moderation view computes, newest first. Each list is
 * a query against the whole room, so computing them all grows with the square of the room's size: a
 * room past this many questions (a load test, a runaway script) gets hints on its newest ones.
 */
export const SIMILAR_VIEW_MAX = 1000;
/** Suggestions a phone or a moderator is shown at most. */
export const SIMILAR_LIMIT = 3;

/** Questions that may be named as similar in the moderation view: not archived (nor merged). */
const comparable = (status: QuestionStatus): boolean => status !== "archived" && status !== "merged";

interface RoomIndex {
  index: SimilarityIndex;
  questions: Map<string, Question>;
  syncedAt: number;
  /** The room's current session when synced: the public is offered its questions only. */
  sessionId: string | null;
  /** The moderation view's `similar` lists, for the index version they were computed on. */
  similar?: { version: number; byId: Map<string, string[]> };
}

export class RoomIndexes {
  private readonly rooms = new Map<string, RoomIndex>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Makes the room's index hold exactly these questions (all of the room's, any status and
   * session); `sessionId` is the room's current session.
   */
  sync(code: string, questions: readonly Question[], sessionId: string | null = null): void {
    const room: RoomIndex = this.rooms.get(code) ?? {
      index: new SimilarityIndex(),
      questions: new Map(),
      syncedAt: 0,
      sessionId,
    };
    room.sessionId = sessionId;
    // A status change moves no text but may change which questions count as similar.
    if (questions.some((q) => room.questions.get(q.id)?.status !== q.status)) room.similar = undefined;
    room.index.sync(questions);
    room.questions = new Map(questions.map((q) => [q.id, q]));
    room.syncedAt = this.now();
    this.rooms.set(code, room);
  }

  /** True when the room's index may answer without reading the store. */
  isFresh(code: string): boolean {
    const room = this.rooms.get(code);
    return room !== undefined && this.now() - room.syncedAt < FRESH_FOR_MS;
  }

  /** A question or the current session of the room changed on this node: the next `/similar` reads the store. */
  invalidate(code: string): void {
    const room = this.rooms.get(code);
    if (room) room.syncedAt = 0;
  }

  forget(code: string): void {
    this.rooms.delete(code);
  }

  /** Up to 3 public questions of the room's current session asking the same thing as `text`, most similar first. */
  publicSimilar(code: string, text: string): Question[] {
    const room = this.rooms.get(code);
    if (!room) return [];
    const isPublic = (id: string) => {
      const q = room.questions.get(id);
      return q !== undefined && isPublicStatus(q.status) && (q.sessionId ?? null) === room.sessionId;
    };
    return room.index
      .query(text, { limit: SIMILAR_LIMIT, accept: isPublic })
      .map((id) => room.questions.get(id))
      .filter((q): q is Question => q !== undefined);
  }

  /** For each of the room's newest SIMILAR_VIEW_MAX questions, the ids of up to 3 others (not archived) that ask the same thing. */
  similarByQuestion(code: string): Map<string, string[]> {
    const room = this.rooms.get(code);
    if (!room) return new Map();
    if (room.similar?.version === room.index.version) return room.similar.byId;
    const accept = (id: string) => comparable(room.questions.get(id)?.status ?? "archived");
    const byId = new Map<string, string[]>();
    const newest = [...room.questions.values()]
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .slice(0, SIMILAR_VIEW_MAX);
    for (const q of newest) {
      byId.set(q.id, room.index.queryById(q.id, { limit: SIMILAR_LIMIT, accept }));
    }
    room.similar = { version: room.index.version, byId };
    return byId;
  }
}
