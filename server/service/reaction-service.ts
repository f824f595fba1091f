// Live reactions: a participant's 👏 ❤️ 😂 😮 👍 🎉, five a second at most, counted in memory
// and coalesced (reaction-coalescer.ts), never stored one by one.
import { ERR } from "../../shared/error-catalogue.js";
import { parse, reactBody } from "../../shared/schemas.js";
import { refuseBanned } from "./access.js";
import type { ActivityRecorder } from "./activity-recorder.js";
import type { Deps } from "./deps.js";
import type { ReactionCoalescer } from "./reaction-coalescer.js";

export class ReactionService {
  constructor(
    private readonly deps: Deps,
    private readonly coalescer: ReactionCoalescer,
    private readonly activity: ActivityRecorder,
  ) {}

  /**
   * Counts one reaction. Over a socket the room is the socket's, checked at its handshake
   * (`knownRoom`); over HTTP the code is looked up first (404).
   */
  async react(code: string, body: unknown, knownRoom = false): Promise<void> {
    if (!knownRoom && !(await this.deps.store.getRoom(code))) throw ERR.unknownRoom();
    const { participantId, emoji } = parse(reactBody, body);
    await refuseBanned(this.deps, code, participantId);
    // Its own bucket only: see RATE_RULES.react for why the per-address ceiling is not spent.
    const wait = await this.deps.limiter.take("react", participantId);
    if (wait > 0) throw ERR.tooManyReactions(wait);
    this.coalescer.add(code, emoji);
    this.activity.count(code, "reactions", 1, participantId);
  }

  /** Reactions another node counted, for this node's screens. */
  fromPeers(code: string, counts: Record<string, number>): void {
    this.coalescer.merge(code, counts);
  }
}
