// A word cloud: a short text; results as the top words (phone, console) or a cloud (screen).
import { useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import type { WordCount } from "../../shared/model";
import { translator } from "../lib/i18n";
import type { BallotProps, ClientPollKind, ResultLabels } from "./kind";
import { colon, listSep } from "./parts";
import { t as common } from "./strings";

const { t } = translator({
  en: { name: "Word cloud", hint: "Answer with one word or a short phrase.", label: "Your answer" },
  fr: { name: "Nuage de mots", hint: "Répondez par un mot ou une courte expression.", label: "Votre réponse" },
});

const CLOUD_WORDS = 40;

function Ballot({ current, onVote }: BallotProps) {
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
        <label for="word">{t("label")}</label>
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
        {common("send")}
      </button>
    </form>
  );
}

/** Words sized by frequency, the most frequent in the middle. */
function WordCloud({ words, labels }: { words: WordCount[]; labels: ResultLabels }) {
  const top = words.slice(0, CLOUD_WORDS);
  if (top.length === 0) return <p class="hint waiting">{labels.votes(0)}</p>;
  const max = top[0]!.count;
  // Alternate left and right of the centre, so the largest words sit in the middle.
  const placed: WordCount[] = [];
  for (const [i, w] of top.entries()) {
    if (i % 2) placed.unshift(w);
    else placed.push(w);
  }
  return (
    <ul class="cloud">
      {placed.map((w) => {
        const weight = Math.sqrt(w.count / max);
        return (
          <li key={w.text} class={`tone-${w.text.length % 3}`} style={{ fontSize: `${(1.2 + weight * 4.3).toFixed(2)}em` }}>
            {w.text}
            <span class="vh"> ({labels.votes(w.count)})</span>
          </li>
        );
      })}
    </ul>
  );
}

export const wordcloud: ClientPollKind = {
  name: () => t("name"),
  hint: () => t("hint"),
  Ballot,
  Results: ({ results, labels, maxWords, Voters }) => {
    const words = (results.words ?? []).slice(0, maxWords);
    return (
      <>
        <Voters />
        {words.length === 0 ? (
          <p class="hint">{labels.noAnswer}</p>
        ) : (
          <ol class="words-list">
            {words.map((w) => (
              <li key={w.text}>
                <span class="word">{w.text}</span> <span class="count">{labels.votes(w.count)}</span>
              </li>
            ))}
          </ol>
        )}
      </>
    );
  },
  Board: ({ results, labels }) => <WordCloud words={results.words ?? []} labels={labels} />,
  summary: (_poll, results, labels) => {
    const words = (results.words ?? []).slice(0, 5);
    return words.length === 0 ? labels.noAnswer : words.map((w) => `${w.text}${colon()}${labels.votes(w.count)}`).join(listSep());
  },
};
