// A quiz series: the room's draft quizzes of the current session wait in creation order; one
// button (or the `n` key) opens the next. Opening it closes the quiz before, as any poll does.
import { useEffect } from "preact/hooks";
import type { Poll, RoomState } from "../../shared/model";
import { POLL_KINDS } from "../../shared/poll-kinds";
import type { LiveRoom } from "../lib/live-room";
import { pollAction } from "./actions";
import { t } from "./strings";

/** Draft quizzes of the room's current session, oldest first: the series still to play. */
export const waitingQuizzes = (state: RoomState): Poll[] =>
  state.polls.filter((p) => p.status === "draft" && POLL_KINDS[p.kind].timed && p.sessionId === (state.room.session?.id ?? null));

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function QuizSeries({ room, state }: { room: LiveRoom; state: RoomState }) {
  const waiting = waitingQuizzes(state);
  const next = waiting[0];
  useEffect(() => {
    if (!next) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "q" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      void pollAction(room, "open", next.id);
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [room, next?.id]);
  if (!state.polls.some((p) => POLL_KINDS[p.kind].timed)) return null;
  return (
    <section class="quiz-series" aria-labelledby={`series-${state.room.code}`}>
      <h4 id={`series-${state.room.code}`}>{t("quizSeries")}</h4>
      <p class="hint">{next ? t("quizWaiting", { n: waiting.length }) : t("noQuizWaiting")}</p>
      {next && (
        <button type="button" class="btn primary" aria-keyshortcuts="q" onClick={() => void pollAction(room, "open", next.id)}>
          {t("openNextQuiz")} — {next.title} <kbd>n</kbd>
        </button>
      )}
    </section>
  );
}
