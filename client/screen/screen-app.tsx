// The projector: no controls; shows what the room's `screen` setting says, live; reconnects alone.
import { useEffect, useState } from "preact/hooks";
import { ROOM_CODE } from "../../shared/limits";
import type { PollView, Question, RoomState } from "../../shared/model";
import { useLang } from "../lib/i18n";
import { LangSwitch } from "../lib/lang-switch";
import { LiveRoom, useSnapshot } from "../lib/live-room";
import { byPopularity, joinUrl, openPoll } from "../lib/room-state";
import { CornerJoin } from "./corner-join";
import { JoinPanel } from "./join-panel";
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
  | { kind: "questions"; questions: Question[] };

export function whatToShow(state: RoomState): Shown {
  const { mode, pollId } = state.room.screen;
  const highlighted = state.questions.find((q) => q.highlighted && (q.status === "live" || q.status === "answered"));
  const open = openPoll(state);
  if (mode === "auto") {
    if (highlighted) return { kind: "question", question: highlighted };
    return open ? { kind: "poll", poll: open } : { kind: "join" };
  }
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
  const { state, link, refused } = useSnapshot(room);
  const upcoming = useNextSession(code, state?.room.session ?? null, !!state);
  useEffect(() => {
    if (state) document.title = `${state.room.name} · Tribune`;
  }, [state?.room.name]);

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
  const shown = whatToShow(state);
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
        {shown.kind === "poll" && <PollBoard poll={shown.poll} />}
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
