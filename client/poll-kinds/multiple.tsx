// Multiple choice: tick one or more options, then send.
import { useState } from "preact/hooks";
import { translator } from "../lib/i18n";
import type { BallotProps, ClientPollKind } from "./kind";
import { choiceResults } from "./single";
import { t as common } from "./strings";

const { t } = translator({
  en: { name: "Multiple choice", hint: "Choose one or more answers, then send." },
  fr: { name: "Choix multiple", hint: "Choisissez une ou plusieurs réponses, puis envoyez." },
});

function Ballot({ poll, current, onVote }: BallotProps) {
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
        {common("sendAnswers")}
      </button>
    </form>
  );
}

export const multiple: ClientPollKind = { name: () => t("name"), hint: () => t("hint"), Ballot, ...choiceResults };
