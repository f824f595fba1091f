// Large targets for the four kinds of poll. Tapping an option of a single-choice poll votes at once.
import { useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import type { Choice, Poll } from "../../shared/model";
import { t } from "./strings";

interface Props {
  poll: Poll;
  current: Choice | undefined;
  onVote: (choice: Choice) => void;
}

export function Ballot(props: Props) {
  switch (props.poll.kind) {
    case "single":
      return <SingleBallot {...props} />;
    case "multiple":
      return <MultipleBallot {...props} />;
    case "scale":
      return <ScaleBallot {...props} />;
    default:
      return <WordBallot {...props} />;
  }
}

function SingleBallot({ poll, current, onVote }: Props) {
  const chosen = Array.isArray(current) ? current[0] : undefined;
  return (
    <fieldset class="choices" aria-describedby="poll-hint">
      <legend class="vh">{poll.title}</legend>
      {poll.options.map((option, i) => (
        <button key={i} type="button" class="choice" aria-pressed={chosen === i} onClick={() => onVote([i])}>
          <span class="tick" aria-hidden="true" />
          {option}
        </button>
      ))}
    </fieldset>
  );
}

function MultipleBallot({ poll, current, onVote }: Props) {
  const [picked, setPicked] = useState<number[]>(Array.isArray(current) ? current : []);
  const toggle = (i: number) => setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i].sort((a, b) => a - b)));
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked.length) onVote(picked);
      }}
    >
      <fieldset class="choices" aria-describedby="poll-hint">
        <legend class="vh">{poll.title}</legend>
        {poll.options.map((option, i) => (
          <label key={i} class="choice">
            <input type="checkbox" checked={picked.includes(i)} onChange={() => toggle(i)} />
            {option}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="btn primary wide" disabled={picked.length === 0}>
        {t("sendAnswers")}
      </button>
    </form>
  );
}

function ScaleBallot({ poll, current, onVote }: Props) {
  return (
    <div>
      <fieldset class="scale" aria-describedby="poll-hint">
        <legend class="vh">{poll.title}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" class="choice" aria-pressed={current === n} onClick={() => onVote(n)}>
            {n}
          </button>
        ))}
      </fieldset>
      <p class="scale-ends hint" aria-hidden="true">
        <span>{t("scaleLow")}</span>
        <span>{t("scaleHigh")}</span>
      </p>
    </div>
  );
}

function WordBallot({ current, onVote }: Props) {
  const [word, setWord] = useState(typeof current === "string" ? current : "");
  const length = codePoints(word.trim());
  return (
    <form
      class="word-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (length > 0 && length <= LIMITS.word) onVote(word.trim());
      }}
    >
      <div class="field">
        <label for="word">{t("wordLabel")}</label>
        <input
          id="word"
          value={word}
          maxLength={LIMITS.word * 2}
          autoComplete="off"
          aria-describedby="poll-hint"
          onInput={(e) => setWord(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="btn primary wide" disabled={length === 0 || length > LIMITS.word}>
        {t("send")}
      </button>
    </form>
  );
}
