// Pure rules of polls: the kinds' rules (shared/poll-kinds) as the service uses them, results, transitions.
import type { Choice, Poll, PollKind, PollStatus, Results } from "../../shared/model.js";
import {
  buildResults,
  normalizeChoice,
  POLL_KINDS,
  type StoredAnswer,
  type Tally,
  type TallySnapshot,
} from "../../shared/poll-kinds/index.js";

export type { StoredAnswer, Tally, TallySnapshot };
export { buildResults, normalizeChoice };

/** Checks the options a poll of this kind may have; returns them as stored. */
export const checkOptions = (kind: PollKind, options: string[] | undefined): string[] => POLL_KINDS[kind].checkOptions(options);

/** The tally keys one stored ballot counts toward (a key may repeat). */
export const ballotKeys = (poll: Pick<Poll, "kind" | "options">, choice: Choice): string[] =>
  POLL_KINDS[poll.kind].tallyKeys(choice, poll);

/** True when the kind keeps each ballot's text as an answer (the store is given it). */
export const keepsAnswers = (kind: PollKind): boolean => POLL_KINDS[kind].keepsAnswers === true;

/** `resultsVisible` of a new poll of this kind when the moderator does not say. */
export const defaultResultsVisible = (kind: PollKind): boolean => POLL_KINDS[kind].resultsVisible;

/** Results as the public sees them: answers a moderator hid are left out. */
export function publicResults(results: Results): Results {
  if (!results.answers) return results;
  return { ...results, answers: results.answers.filter((a) => !a.hidden) };
}

/** Results as someone who may not see them gets them: the number of voters only. */
export function hideResults(results: Results): Results {
  return { pollId: results.pollId, voters: results.voters, seq: results.seq };
}

export type PollMove = "open" | "close";

/** The statuses a poll may leave for each move; any other move is a conflict. */
export const POLL_MOVES: Record<PollMove, { from: PollStatus[]; to: PollStatus }> = {
  open: { from: ["draft", "closed"], to: "open" },
  close: { from: ["open"], to: "closed" },
};
