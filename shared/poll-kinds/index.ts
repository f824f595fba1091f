// Every poll kind and its rules. A Record over PollKind: a kind left out is a type error.
import type { Choice, Poll, PollKind, Results } from "../model.js";
import type { PollKindRules, PollShape, TallySnapshot } from "./kind.js";
import { multiple } from "./multiple.js";
import { open } from "./open.js";
import { quiz } from "./quiz.js";
import { ranking } from "./ranking.js";
import { scale } from "./scale.js";
import { single } from "./single.js";
import { wordcloud } from "./wordcloud.js";

export type { PollKindRules, StoredAnswer, Tally, TallySnapshot, TimedRules } from "./kind.js";

export const POLL_KINDS: Record<PollKind, PollKindRules> = { single, multiple, scale, wordcloud, ranking, open, quiz };

type KindOf = Pick<Poll, "kind"> & PollShape;

/** Validates a ballot for a poll and returns it in its stored form. Throws `invalid`. */
export const normalizeChoice = (poll: KindOf, choice: unknown): Choice => POLL_KINDS[poll.kind].normalizeChoice(poll, choice);

/** The public shape of a poll's results from its tally. */
export function buildResults(poll: Pick<Poll, "id"> & KindOf, snap: TallySnapshot): Results {
  return {
    pollId: poll.id,
    voters: snap.voters,
    ...POLL_KINDS[poll.kind].figures(poll, snap.tally, snap.answers ?? []),
    seq: snap.seq,
  };
}
