// What the pages need of one poll kind: its name, the phone's ballot, and its results as the
// phone and console show them and as the screen shows them. Each kind keeps its own strings.
import type { ComponentChildren, ComponentType } from "preact";
import type { Choice, OpenAnswer, Poll, Results } from "../../shared/model";

/** Words the page gives every kind (each page has its own). */
export interface ResultLabels {
  voters: (n: number) => string;
  votes: (n: number) => string;
  /** Shown while nobody answered. */
  noAnswer: string;
}

export interface BallotProps {
  poll: Poll;
  /** The person's ballot in its stored form, or the one waiting to be sent. */
  current: Choice | undefined;
  onVote: (choice: Choice) => void;
}

export interface ResultsProps {
  poll: Poll;
  results: Results;
  labels: ResultLabels;
  /** How many words a word cloud lists. */
  maxWords: number;
  /** The line of voters, drawn by the page (`extra` is what the kind adds to it, e.g. an average). */
  Voters: ComponentType<{ extra?: ComponentChildren }>;
  /** The console's Hide / Show of one answer (kinds that keep answers); absent elsewhere. */
  onToggle?: ((answer: OpenAnswer) => void) | undefined;
}

export interface ClientPollKind {
  /** The kind's name in the poll builder and the console. */
  name: () => string;
  /** What the phone says under the poll's title. */
  hint: () => string;
  Ballot: ComponentType<BallotProps>;
  /** Results on the phone and in the console, inside `.results`. */
  Results: ComponentType<ResultsProps>;
  /** Results on the big screen. */
  Board: ComponentType<Omit<ResultsProps, "Voters">>;
  /** The figures as one sentence for a screen reader (after the title and the voters). */
  summary: (poll: Poll, results: Results, labels: ResultLabels) => string;
}
