// Ranking: the phone orders every option with "move up" / "move down" buttons (keyboard and screen
// reader friendly, no dragging), each move announced; results are Borda points, most first.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Poll, Results } from "../../shared/model";
import { translator } from "../lib/i18n";
import type { BallotProps, ClientPollKind, ResultLabels } from "./kind";
import { type Bar, Bars, BigBars, barsSentence, percent } from "./parts";

const { t, tn } = translator({
  en: {
    name: "Ranking",
    hint: "Put the options in your order with the arrows, your favourite first, then send.",
    up: "“{option}”, position {position}: move up",
    down: "“{option}”, position {position}: move down",
    moved: "“{option}” moved to position {position}.",
    send: "Send my ranking",
    points_one: "{n} point",
    points_other: "{n} points",
  },
  fr: {
    name: "Classement",
    hint: "Classez les options avec les flèches, votre préférée en premier, puis envoyez.",
    up: "« {option} », position {position} : monter",
    down: "« {option} », position {position} : descendre",
    moved: "« {option} » passe en position {position}.",
    send: "Envoyer mon classement",
    points_one: "{n} point",
    points_other: "{n} points",
  },
});

const isOrdering = (choice: unknown, n: number): choice is number[] =>
  Array.isArray(choice) && choice.length === n && [...choice].sort((a, b) => a - b).every((v, i) => v === i);

function Ballot({ poll, current, onVote }: BallotProps) {
  const n = poll.options.length;
  const [order, setOrder] = useState<number[]>(() => (isOrdering(current, n) ? current : poll.options.map((_, i) => i)));
  const [said, setSaid] = useState("");
  const focusNext = useRef<string | null>(null);
  const id = (option: number, dir: "up" | "down") => `rank-${poll.id}-${option}-${dir}`;

  // A moved row is re-inserted in the page, which drops the focus: give it back to the same button,
  // so the person can keep moving the option (or to the other button once it reached an end).
  useLayoutEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  function move(from: number, to: number) {
    const next = [...order];
    const [option] = next.splice(from, 1) as [number];
    next.splice(to, 0, option);
    setOrder(next);
    setSaid(t("moved", { option: poll.options[option] ?? "", position: to + 1 }));
    const dir = to < from ? "up" : "down";
    const atEnd = to === 0 || to === n - 1;
    focusNext.current = id(option, atEnd ? (dir === "up" ? "down" : "up") : dir);
  }

  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onVote(order);
      }}
    >
      <fieldset class="choices" aria-describedby="poll-hint">
        <legend class="vh">{poll.title}</legend>
        <ol class="ranking">
          {order.map((option, p) => {
            const label = poll.options[option] ?? "";
            return (
              <li key={option} class="choice">
                <span class="rank" aria-hidden="true">
                  {p + 1}
                </span>
                <span class="option">{label}</span>
                <button
                  type="button"
                  id={id(option, "up")}
                  class="btn icon"
                  disabled={p === 0}
                  aria-label={t("up", { option: label, position: p + 1 })}
                  onClick={() => move(p, p - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  id={id(option, "down")}
                  class="btn icon"
                  disabled={p === n - 1}
                  aria-label={t("down", { option: label, position: p + 1 })}
                  onClick={() => move(p, p + 1)}
                >
                  ↓
                </button>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <p class="vh" aria-live="polite">
        {said}
      </p>
      <button type="submit" class="btn primary wide">
        {t("send")}
      </button>
    </form>
  );
}

/** One bar per option, most points first; full width is every voter ranking it first. */
function pointBars(poll: Poll, results: Results): Bar[] {
  const most = results.voters * (poll.options.length - 1);
  return poll.options
    .map((label, i) => ({ key: `${i}-${label}`, label, count: results.counts?.[i] ?? 0, pct: 0 }))
    .sort((a, b) => b.count - a.count)
    .map((bar) => ({ ...bar, pct: percent(bar.count, most) }));
}

const points = (bar: Bar) => tn("points", bar.count);

export const ranking: ClientPollKind = {
  name: () => t("name"),
  hint: () => t("hint"),
  Ballot,
  Results: ({ poll, results, Voters }) => (
    <>
      <Voters />
      <Bars bars={pointBars(poll, results)} figures={points} />
    </>
  ),
  summary: (poll, results) => barsSentence(pointBars(poll, results), points),
  Board: ({ poll, results, labels }: { poll: Poll; results: Results; labels: ResultLabels }) => (
    <BigBars
      bars={pointBars(poll, results)}
      voters={results.voters}
      labels={labels}
      figures={(bar) => <strong>{points(bar)}</strong>}
    />
  ),
};
