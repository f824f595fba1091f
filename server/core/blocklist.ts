// Whether a text holds a blocked word: the built-in French and English list (blocklist-words.ts)
// or an event's own words. Whole words only ("con" is in "quel con", not in "contrat"), case and
// accents ignored, a plural "s" or "x" tolerated, and digits read as the letters they imitate
// ("c0n", "m3rde"). An entry of several words matches those words in a row.
import { BLOCKED_WORDS_EN, BLOCKED_WORDS_FR } from "./blocklist-words.js";
import { fold, words } from "./text-fold.js";

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b" };

/** Folded words; digits inside a word with letters read as letters; "l'enculé" is two words. */
function tokens(text: string): string[] {
  return words(text)
    .flatMap((w) => w.split("'"))
    .map(fold)
    .map((w) => (/\p{L}/u.test(w) ? w.replace(/[0134578]/g, (d) => LEET[d] ?? d) : w))
    .filter((w) => w.length > 0);
}

type Entry = string[];
const entries = (list: readonly string[]): Entry[] => list.map(tokens).filter((e) => e.length > 0);
const BUILT_IN: Entry[] = entries([...BLOCKED_WORDS_FR, ...BLOCKED_WORDS_EN]);

/** A word of the text is an entry's word, itself or with a plural ending. */
const sameWord = (word: string, entry: string): boolean =>
  word === entry || ((word.endsWith("s") || word.endsWith("x")) && word.slice(0, -1) === entry);

function contains(text: string[], entry: Entry): boolean {
  for (let i = 0; i + entry.length <= text.length; i++) {
    if (entry.every((word, j) => sameWord(text[i + j] as string, word))) return true;
  }
  return false;
}

/** True when `text` holds a word of the built-in list or of `extraWords` (an event's own). */
export function matches(text: string, extraWords: readonly string[] = []): boolean {
  const words = tokens(text);
  if (words.length === 0) return false;
  return BUILT_IN.some((e) => contains(words, e)) || entries(extraWords).some((e) => contains(words, e));
}

/** A question is flagged when its text or its author's name holds a blocked word. */
export const isFlagged = (question: { text: string; author: string }, extraWords: readonly string[] = []): boolean =>
  matches(question.text, extraWords) || matches(question.author, extraWords);
