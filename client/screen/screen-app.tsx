// The projector: no controls; shows what the room's `screen` setting says, live; reconnects alone.
import { useEffect, useRef, useState } from "preact/hooks";
import { ROOM_CODE } from "../../shared/limits";
import type { Leaderboard, PollView, Question, RoomState } from "../../shared/model";
import { api } from "../lib/api";
import { useLang } from "../lib/i18n";
import { LangSwitch } from "../lib/lang-switch";
import { LiveRoom, useSnapshot } from "../lib/live-room";
import { byPopularity, joinUrl, openPoll } from "../lib/room-state";
import { CornerJoin } from "./corner-join";
import { JoinPanel } from "./join-panel";
import { LeaderboardBoard } from "./leaderboard-board";
import { useNextSession } from "./next-session";
import { PollBoard } from "./poll-board";
import { QuestionBoard } from "./question-board";
import { ReactionBurst } from "./reaction-burst";
import { t } from "./strings";
import { TopQuestions } from "./top-questions";

type Shown =
  | { kind: "join" }
  | { kind: "poll"; poll: PollView }
  | { kind: "question"; question: Question }
  | { kind: "questions"; questions: Question[] }
  | { kind: "leaderboard" };

/** How long the automatic screen shows a closed quiz's right answer before its leaderboard. */
export const REVEAL_MS = 8000;

/** A quiz this screen saw close: its reveal, then (after REVEAL_MS) the leaderboard, in `auto` mode. */
export interface QuizStage {
  pollId: string;
  stage: "reveal" | "leaderboard";
}

export function whatToShow(state: RoomState, quiz: QuizStage | null = null): Shown {
  const { mode, pollId } = state.room.screen;
  const highlighted = state.questions.find((q) => q.highlighted && (q.status === "live" || q.status === "answered"));
  const open = openPoll(state);
  if (mode === "auto") {
    if (highlighted) return { kind: "question", question: highlighted };
    if (open) return { kind: "poll", poll: open };
    const closedQuiz = quiz && state.polls.find((p) => p.id === quiz.pollId);
    if (closedQuiz) return quiz.stage === "reveal" ? { kind: "poll", poll: closedQuiz } : { kind: "leaderboard" };
    return { kind: "join" };
  }
  if (mode === "leaderboard") return { kind: "leaderboard" };
  if (mode === "poll") {
    const poll = (pollId && state.polls.find((p) => p.id === pollId)) || open;
    return poll ? { kind: "poll", poll } : { kind: "join" };
  }
  if (mode === "question") return highlighted ? { kind: "question", question: highlighted } : { kind: "join" };
  if (mode === "questions") {
    const questions = state.questions
      .filter((q) => q.status === "live")
      .sort(byPopularity)
      .slice(0, 5);
    return { kind: "questions", questions };
  }
  return { kind: "join" };
}

const codeFromPath = (): string => decodeURIComponent(location.pathname.split("/")[2] ?? "").toUpperCase();

export function ScreenApp() {
  useLang();
  const code = codeFromPath();
  const [room, setRoom] = useState<LiveRoom | null>(null);
  useEffect(() => {
    if (!ROOM_CODE.test(code)) return;
    const live = new LiveRoom(code, { role: "screen" }, "public");
    setRoom(live);
    return () => live.close();
  }, [code]);
  const { state, link, refused, offsetMs, leaderboard } = useSnapshot(room);
  const upcoming = useNextSession(code, state?.room.session ?? null, !!state);
  useEffect(() => {
    if (state) document.title = `${state.room.name} · Tribune`;
  }, [state?.room.name]);
  const quiz = useQuizStage(state);
  const board = useLeaderboard(code, leaderboard, state !== null);

  if (!ROOM_CODE.test(code) || refused) {
    const text = !ROOM_CODE.test(code) ? t("missingCode") : state ? t("roomClosed") : t("unknownRoom", { code });
    return (
      <main class="screen message">
        <h1>{text}</h1>
      </main>
    );
  }
  if (!state) {
    return (
      <main class="screen message">
        <h1>{t("connecting")}</h1>
      </main>
    );
  }

  const url = joinUrl(state.room);
  const shown = whatToShow(state, quiz);
  return (
    <div class={`screen mode-${shown.kind}`}>
      <header class="strip">
        <div>
          <p class="event">{state.room.eventTitle}</p>
          <h1 class="room-name">{state.room.name}</h1>
        </div>
        {shown.kind !== "join" && <CornerJoin url={url} code={state.room.code} />}
      </header>
      <main class="stage">
        {shown.kind === "join" && (
          <JoinPanel
            url={url}
            code={state.room.code}
            session={state.room.session}
            next={upcoming.next}
            timeZone={upcoming.timeZone}
          />
        )}
        {shown.kind === "poll" && <PollBoard poll={shown.poll} offsetMs={offsetMs} />}
        {shown.kind === "leaderboard" && <LeaderboardBoard board={board} />}
        {shown.kind === "question" && <QuestionBoard question={shown.question} />}
        {shown.kind === "questions" && <TopQuestions questions={shown.questions} />}
      </main>
      {room && <ReactionBurst socket={room.socket} />}
      <LangSwitch className="screen-lang" />
      <p class={`link-state${link === "online" ? " ok" : ""}`} role="status">
        {link === "online" ? "" : t("reconnecting")}
      </p>
    </div>
  );
}

/** Follows the room's quizzes: one that closes while shown is revealed, then ranked, until a poll opens. */
function useQuizStage(state: RoomState | null): QuizStage | null {
  const [stage, setStage] = useState<QuizStage | null>(null);
  const wasOpen = useRef<string | null>(null);
  const open = state ? openPoll(state) : undefined;
  const closed = state?.polls.find((p) => p.id === wasOpen.current && p.status === "closed" && p.closesAt);
  useEffect(() => {
    if (open) {
      wasOpen.current = open.closesAt ? open.id : null;
      setStage(null);
    } else if (closed) {
      wasOpen.current = null;
      setStage({ pollId: closed.id, stage: "reveal" });
    }
  }, [open?.id, closed?.id]);
  useEffect(() => {
    if (stage?.stage !== "reveal") return;
    const timer = setTimeout(() => setStage({ pollId: stage.pollId, stage: "leaderboard" }), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [stage?.pollId, stage?.stage]);
  return stage;
}

/** The leaderboard: the last one the room was sent, else read once when the screen connects. */
function useLeaderboard(code: string, sent: Leaderboard | null, connected: boolean): Leaderboard | null {
  const [read, setRead] = useState<Leaderboard | null>(null);
  useEffect(() => {
    if (!connected || sent) return;
    api("GET /api/rooms/:code/leaderboard", { code }).then(setRead, () => setRead(null));
  }, [code, connected, sent === null]);
  return sent ?? read;
}
