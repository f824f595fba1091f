// What a phone shows of quizzes: the nickname it plays under (chosen once per room), the
// countdown of the open quiz, and after the close its outcome, points, total and rank.
import { useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import type { PollView, RoomState } from "../../shared/model";
import { POLL_KINDS } from "../../shared/poll-kinds";
import { ClientError } from "../lib/api";
import { Countdown } from "../lib/countdown";
import { fmt } from "../lib/i18n";
import { request } from "../lib/socket";
import type { AudienceSession } from "./session";
import { t, tn } from "./strings";

/** True when the room shows a quiz: the phone then asks for a nickname. */
export const hasQuiz = (state: RoomState): boolean => state.polls.some((p) => POLL_KINDS[p.kind].timed !== undefined);

export function NicknameForm({ session, state }: { session: AudienceSession; state: RoomState }) {
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nickname = state.me?.nickname;
  if (nickname) return <p class="nickname-is">{t("nicknameIs", { nickname })}</p>;

  async function choose(wanted: string) {
    const trimmed = wanted.trim();
    if (codePoints(trimmed) < 1 || codePoints(trimmed) > LIMITS.nickname) return setError(t("nicknameLabel"));
    setBusy(true);
    try {
      const chosen = await request(session.room.socket, "nickname", { nickname: trimmed });
      session.room.update((s) => (s.me ? { ...s, me: { ...s.me, nickname: chosen.nickname } } : s));
      setError("");
      setSuggestion(null);
    } catch (e) {
      const failure = e instanceof ClientError ? e : null;
      setError(failure?.message || String(e));
      const offered = failure?.suggestion;
      setSuggestion(typeof offered === "string" ? offered : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="card nickname"
      aria-labelledby="nickname-title"
      onSubmit={(e) => {
        e.preventDefault();
        void choose(name);
      }}
    >
      <h3 id="nickname-title">{t("nicknameTitle")}</h3>
      <p class="hint">{t("nicknameLead")}</p>
      <label for="nickname-input">{t("nicknameLabel")}</label>
      <input
        id="nickname-input"
        value={name}
        maxLength={LIMITS.nickname * 2}
        autocomplete="nickname"
        aria-describedby="nickname-error"
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <p id="nickname-error" class="error" role="alert">
        {error}
      </p>
      <div class="row">
        <button type="submit" class="btn primary" disabled={busy}>
          {t("nicknameSave")}
        </button>
        {suggestion && (
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={() => {
              setName(suggestion);
              void choose(suggestion);
            }}
          >
            {t("nicknameTaken", { suggestion })}
          </button>
        )}
      </div>
    </form>
  );
}

const secondsLabel = (n: number): string => (n === 0 ? t("timeUp") : tn("secondsLeft", n));

export function QuizClock({ poll, offsetMs }: { poll: PollView; offsetMs: number }) {
  if (!poll.closesAt) return null;
  return <Countdown closesAt={poll.closesAt} timeLimit={poll.timeLimit ?? 30} offsetMs={offsetMs} label={secondsLabel} />;
}

/** After a quiz closed: right or wrong and the points, then the total and the rank. */
export function QuizOutcome({ poll, state, players }: { poll: PollView; state: RoomState; players: number | null }) {
  const me = state.me;
  if (!me || !poll.correct) return null;
  const ballot = me.ballots[poll.id];
  const chosen = Array.isArray(ballot) ? ballot[0] : undefined;
  const points = me.points?.[poll.id];
  const right = chosen !== undefined && poll.correct.includes(chosen);
  const answer = poll.correct.map((i) => poll.options[i]).join(", ");
  const outcome =
    chosen === undefined ? t("quizMissed") : right ? t("quizRight", { points: fmt(points ?? 0) }) : t("quizWrong", { answer });
  return (
    <div class={`quiz-outcome ${chosen === undefined ? "missed" : right ? "right" : "wrong"}`} role="status">
      <p class="outcome">{outcome}</p>
      <p>{t("quizTotal", { score: fmt(me.score ?? 0) })}</p>
      <p>
        {me.rank
          ? players
            ? t("quizRank", { rank: me.rank, players })
            : t("quizRankOnly", { rank: me.rank })
          : me.nickname
            ? ""
            : t("quizNoRank")}
      </p>
    </div>
  );
}
