// The shapes every client and the server agree on (see docs/api.md).
export type PollKind = "single" | "multiple" | "scale" | "wordcloud";
export type PollStatus = "draft" | "open" | "closed";
export type QuestionStatus = "pending" | "live" | "answered" | "rejected" | "archived";
export type ModerationAction = "approve" | "reject" | "answer" | "highlight" | "unhighlight" | "archive";
export type ScreenMode = "auto" | "join" | "poll" | "question" | "questions";

/** single/multiple: sorted option indexes; scale: 1–5; wordcloud: folded text. */
export type Choice = number[] | number | string;

export interface Poll {
  id: string;
  roomCode: string;
  title: string;
  kind: PollKind;
  options: string[];
  status: PollStatus;
  resultsVisible: boolean;
  createdAt: string;
}

export interface WordCount {
  text: string;
  count: number;
}

export interface Results {
  pollId: string;
  voters: number;
  counts?: number[];
  words?: WordCount[];
  seq: number;
}

export interface Question {
  id: string;
  roomCode: string;
  text: string;
  author: string;
  status: QuestionStatus;
  upvotes: number;
  highlighted: boolean;
  createdAt: string;
}

export interface Screen {
  mode: ScreenMode;
  pollId?: string;
}

export interface RoomInfo {
  code: string;
  name: string;
  eventTitle: string;
  premoderation: boolean;
  qaOpen: boolean;
  screen: Screen;
}

export interface PollView extends Poll {
  results?: Results;
}

export interface Me {
  ballots: Record<string, Choice>;
  upvoted: string[];
  questions: Question[];
}

export interface RoomState {
  room: RoomInfo;
  polls: PollView[];
  questions: Question[];
  participants: number;
  me?: Me;
}

export interface RoomSummary {
  id: string;
  name: string;
  code: string;
}

export interface EventCreated {
  id: string;
  title: string;
  moderatorKey: string;
  rooms: RoomSummary[];
}

export interface EventView {
  id: string;
  title: string;
  /** Pre-moderation of rooms added from now on. */
  premoderation: boolean;
  rooms: (RoomSummary & { participants: number })[];
}

export interface Upvotes {
  id: string;
  upvotes: number;
}
