// GET /api/rooms/:code/report and GET /api/events/:id/report: the minutes of a room or of a whole
// event, for its moderators. This node's unflushed activity is written first, so a report read
// right after the last vote counts it (other nodes' counts join within a flush interval).
import type { EventReport, Leaderboard, RoomReport } from "../../shared/model.js";
import { isTimed, topEntries } from "../core/quiz.js";
import type { RoomData } from "../store/store.js";
import type { Actor } from "./access.js";
import type { ActivityRecorder } from "./activity-recorder.js";
import { type Deps, isoNow } from "./deps.js";
import type { EventService } from "./event-service.js";
import { computeScores, countedQuizzes } from "./quiz-scores.js";
import { buildRoomReport } from "./report.js";
import { loadRoom } from "./views.js";

export class ReportService {
  constructor(
    private readonly deps: Deps,
    private readonly events: EventService,
    private readonly activity: ActivityRecorder,
  ) {}

  async room(actor: Actor, code: string): Promise<RoomReport> {
    const room = await this.events.staffRoom(actor, code);
    return this.build(room.code);
  }

  async event(actor: Actor, eventId: string): Promise<EventReport> {
    const event = await this.events.staffEvent(actor, eventId);
    const rooms: RoomReport[] = [];
    // One room after another: an event of 50 rooms must not read them all at once.
    for (const room of event.rooms) rooms.push(await this.build(room.code));
    const { id, code, title, timeZone } = event;
    return { event: { id, code, title, timeZone }, generatedAt: isoNow(this.deps), rooms };
  }

  /** The report of a room known to exist. */
  async build(code: string): Promise<RoomReport> {
    return this.of(await loadRoom(this.deps, code));
  }

  /** Writes this node's unflushed counts of the room; a store that cannot take them now gets them later. */
  async flushActivity(code: string): Promise<void> {
    await this.activity.flush(code).catch(() => {});
  }

  /** The report of a room whose data was just read (exports). */
  async of(data: RoomData): Promise<RoomReport> {
    // A store that cannot take the counts now still serves what it has: the report is not refused.
    await this.flushActivity(data.room.code);
    const activity = await this.deps.store.activity(data.room.code);
    return buildRoomReport(data, activity, isoNow(this.deps), await this.boards(data));
  }

  /** The leaderboard of each session that closed quizzes (key: its id, "" for none), as the room saw it. */
  private async boards(data: RoomData): Promise<Map<string, Leaderboard>> {
    const boards = new Map<string, Leaderboard>();
    const sessionIds = new Set(data.polls.filter((p) => isTimed(p) && p.status === "closed").map((p) => p.sessionId));
    for (const sessionId of sessionIds) {
      const { standings } = await computeScores(this.deps.store, data.room.code, countedQuizzes(data.polls, sessionId));
      boards.set(sessionId ?? "", { entries: topEntries(standings), players: standings.length });
    }
    return boards;
  }
}
