// How the Redis store talks to Redis: its scripts (loaded by SHA, run with EVALSHA), the first
// connection, and the index telling which room holds a poll or a question.
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import * as L from "./redis-lua.js";
import * as A from "./redis-lua-activity.js";
import * as K from "./redis-lua-keys.js";
import * as Q from "./redis-lua-questions.js";
import * as S from "./redis-lua-safety.js";
import * as X from "./redis-lua-sessions.js";

export interface Script {
  lua: string;
  sha: string;
}

const script = (body: string): Script => {
  const lua = L.LUA_HELPERS + body;
  return { lua, sha: createHash("sha1").update(lua).digest("hex") };
};

export const SCRIPTS = {
  createEvent: script(L.CREATE_EVENT),
  addRoom: script(L.ADD_ROOM),
  deleteEvent: script(L.DELETE_EVENT),
  getEvent: script(L.GET_EVENT),
  updateEvent: script(L.UPDATE_EVENT),
  updateRoom: script(L.UPDATE_ROOM),
  createPoll: script(L.CREATE_POLL),
  updatePoll: script(L.UPDATE_POLL),
  deletePoll: script(L.DELETE_POLL),
  setPollStatus: script(L.SET_POLL_STATUS),
  castBallot: script(L.CAST_BALLOT),
  resetPoll: script(L.RESET_POLL),
  tally: script(L.TALLY),
  setAnswerHidden: script(L.SET_ANSWER_HIDDEN),
  addReactions: script(A.ADD_REACTIONS),
  recordActivity: script(A.RECORD_ACTIVITY),
  setRetention: script(A.SET_RETENTION),
  ask: script(Q.ASK),
  findAsk: script(Q.FIND_ASK),
  getQuestion: script(Q.GET_QUESTION),
  setUpvote: script(Q.SET_UPVOTE),
  updateQuestion: script(Q.UPDATE_QUESTION),
  annotateQuestion: script(Q.ANNOTATE_QUESTION),
  mergeQuestion: script(Q.MERGE_QUESTION),
  roomData: script(Q.ROOM_DATA),
  participantData: script(Q.PARTICIPANT_DATA),
  rotateKey: script(S.ROTATE_KEY),
  setBan: script(S.SET_BAN),
  appendAudit: script(S.APPEND_AUDIT),
  eraseParticipants: script(S.ERASE_PARTICIPANTS),
  createSession: script(X.CREATE_SESSION),
  listHashes: script(X.LIST_HASHES),
  updateSession: script(X.UPDATE_SESSION),
  deleteSession: script(X.DELETE_SESSION),
  setSessionStatus: script(X.SET_SESSION_STATUS),
  createRoomKey: script(K.CREATE_ROOM_KEY),
  deleteRoomKey: script(K.DELETE_ROOM_KEY),
  importProgramme: script(X.IMPORT_PROGRAMME),
} satisfies Record<string, Script>;

/** EVALSHA, falling back to EVAL when Redis does not know the script (first use, or after a restart). */
export async function runScript(redis: Redis, s: Script, keys: string[], args: (string | number)[] = []): Promise<unknown> {
  try {
    return await redis.evalsha(s.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return await redis.eval(s.lua, keys.length, ...keys, ...args);
  }
}

/**
 * Connects and waits until Redis is ready (retrying a refused first attempt until `timeout`).
 * Afterwards there is no offline queue: while Redis is down a command rejects at once, which
 * the service answers with 503 unavailable, and ioredis reconnects in the background.
 */
export async function connectRedis(url: string, timeout: number): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  redis.on("error", () => {
    // Seen through ready() and failing commands; without a listener Node would crash.
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Redis at ${redactUrl(url)} was not ready within ${timeout} ms.`)),
        timeout,
      );
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
      redis.connect().catch(() => {
        // A refused first attempt: ioredis retries until the timeout above.
      });
    });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an invalid URL)";
  }
}

/** Bound of a RoomIndex's cache; cleared when reached (a miss only costs one GET). */
const CACHE_LIMIT = 100_000;

/**
 * Which room holds a poll or a question, read from its index key (`pollroom:`/`qroom:`) so a
 * script can then name that room's keys. The answer is cached: an id is never reused, so a
 * cached code is either right or names a room where the script finds nothing; then the index
 * is read again before answering not_found. Nothing else of the store's state lives in Node.
 */
export class RoomIndex {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    private readonly indexKey: (id: string) => string,
  ) {}

  remember(id: string, code: string): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(id, code);
  }

  forget(id: string): void {
    this.cache.delete(id);
  }

  async run<T>(id: string, fn: (code: string) => Promise<T | "not_found">): Promise<T | "not_found"> {
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      const result = await fn(cached);
      if (result !== "not_found") return result;
      this.cache.delete(id);
    }
    const code = await this.redis.get(this.indexKey(id));
    if (code === null || code === cached) return "not_found";
    this.remember(id, code);
    return fn(code);
  }
}
