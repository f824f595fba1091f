// Open answers: a text of up to 280 characters; the phone may change it while the poll is open.
// Results list the newest answers (phone, console: with Hide / Show); the screen shows a wall.
import { useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import type { OpenAnswer } from "../../shared/model";
import { translator } from "../lib/i18n";
import type { BallotProps, ClientPollKind } from "./kind";
import { listSep } from "./parts";
import { t as common } from "./strings";

const { t, tn } = translator({
  en: {
    name: "Open answers",
    hint: "Answer in your own words (280 characters at most).",
    label: "Your answer",
    left_one: "{n} character left",
    left_other: "{n} characters left",
    over_one: "{n} character too many",
    over_other: "{n} characters too many",
    change: "Change my answer",
    sent: "Your answer:",
    hide: "Hide",
    show: "Show",
    hidden: "Hidden from the public",
  },
  fr: {
    name: "Réponses libres",
    hint: "Répondez avec vos mots (280 caractères au plus).",
    label: "Votre réponse",
    left_one: "{n} caractère restant",
    left_other: "{n} caractères restants",
    over_one: "{n} caractère de trop",
    over_other: "{n} caractères de trop",
    change: "Modifier ma réponse",
    sent: "Votre réponse\u202F:",
    hide: "Masquer",
    show: "Afficher",
    hidden: "Masquée pour le public",
  },
});

/** How many answers the screen's wall shows: a fixed grid, so a new one never moves the layout. */
export const WALL_SIZE = 12;

function Ballot({ current, onVote, poll }: BallotProps) {
  const sent = typeof current === "string" ? current : "";
  const [editing, setEditing] = useState(sent === "");
  const [text, setText] = useState(sent);
  const length = codePoints(text.trim());
  const left = LIMITS.openAnswer - codePoints(text);
  if (!editing && sent) {
    return (
      <div class="open-sent">
        <p class="hint">{t("sent")}</p>
        <blockquote class="open-mine">{sent}</blockquote>
        {poll.status === "open" && (
          <button type="button" class="btn wide" onClick={() => setEditing(true)}>
            {t("change")}
          </button>
        )}
      </div>
    );
  }
  return (
    <form
      class="open-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (length > 0 && length <= LIMITS.openAnswer) {
          onVote(text.trim());
          setEditing(false);
        }
      }}
    >
      <div class="field">
        <label for="open-answer">{t("label")}</label>
        <textarea
          id="open-answer"
          value={text}
          rows={4}
          aria-describedby="poll-hint open-left"
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <p id="open-left" class={left < 0 ? "counter over" : "counter"} aria-live="polite">
          {left < 0 ? tn("over", -left) : tn("left", left)}
        </p>
      </div>
      <button type="submit" class="btn primary wide" disabled={length === 0 || length > LIMITS.openAnswer}>
        {common("send")}
      </button>
    </form>
  );
}

/** The console's Hide / Show button: it sends `answer:hide` or `answer:show` through the page. */
export type AnswerToggle = (answer: OpenAnswer) => void;

/** Answers as the phone and the console list them; the console gives `onToggle`. */
export function AnswerList({ answers, onToggle, max }: { answers: OpenAnswer[]; onToggle?: AnswerToggle; max: number }) {
  return (
    <ol class="answers-list">
      {answers.slice(0, max).map((a) => (
        <li key={a.id} class={a.hidden ? "answer is-hidden" : "answer"}>
          <span class="answer-text">{a.text}</span>
          {a.hidden && <span class="badge">{t("hidden")}</span>}
          {onToggle && (
            <button type="button" class="btn small" onClick={() => onToggle(a)}>
              {a.hidden ? t("show") : t("hide")}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The screen's wall: the newest answers as cards in a fixed grid; each new card fades in. */
function Wall({ answers, empty }: { answers: OpenAnswer[]; empty: string }) {
  const shown = answers.filter((a) => !a.hidden).slice(0, WALL_SIZE);
  if (shown.length === 0) return <p class="hint waiting">{empty}</p>;
  return (
    <ul class="wall">
      {shown.map((a) => (
        <li key={a.id} class="wall-card">
          {a.text}
        </li>
      ))}
    </ul>
  );
}

export const open: ClientPollKind = {
  name: () => t("name"),
  hint: () => t("hint"),
  Ballot,
  Results: ({ results, labels, maxWords, Voters, onToggle }) => {
    const answers = results.answers ?? [];
    return (
      <>
        <Voters />
        {answers.length === 0 ? (
          <p class="hint">{labels.noAnswer}</p>
        ) : (
          <AnswerList answers={answers} max={onToggle ? LIMITS.topAnswers : maxWords} onToggle={onToggle} />
        )}
      </>
    );
  },
  Board: ({ results, labels }) => <Wall answers={results.answers ?? []} empty={labels.noAnswer} />,
  summary: (_poll, results, labels) => {
    const answers = (results.answers ?? []).filter((a) => !a.hidden).slice(0, 3);
    return answers.length === 0 ? labels.noAnswer : answers.map((a) => a.text).join(listSep());
  },
};
