// Words sized by frequency, the most frequent in the middle.
import type { WordCount } from "../../shared/model";
import { tn } from "./strings";

const MAX_WORDS = 40;

export function WordCloud({ words }: { words: WordCount[] }) {
  const top = words.slice(0, MAX_WORDS);
  if (top.length === 0) return <p class="hint waiting">{tn("votes", 0)}</p>;
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
            <span class="vh"> ({tn("votes", w.count)})</span>
          </li>
        );
      })}
    </ul>
  );
}
