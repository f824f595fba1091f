// A question reduced to the terms that say what it asks, French or English: words folded,
// elisions and contractions dropped, stop words and question words dropped, the rest stemmed
// (Snowball, from @orama/stemmers), and known abbreviations and synonyms replaced by one
// concept term ("IA", "intelligence artificielle" and "AI" all become "#ai").
import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as frenchStem } from "@orama/stemmers/french";
import { stopwords as englishStopwords } from "@orama/stopwords/english";
import { stopwords as frenchStopwords } from "@orama/stopwords/french";
import { CONCEPTS } from "./similarity-synonyms.js";
import { fold, words } from "./text-fold.js";

export type Language = "fr" | "en";

/** French elided words: "l'IA" → "IA", "qu'on" → "on". */
const ELISIONS = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]);
/** English contractions and possessives: "council's" → "council", "don't" → "don". */
const CONTRACTIONS = new Set(["s", "t", "re", "ll", "ve", "d", "m"]);

/** How questions are phrased, beyond the libraries' stop words: they say nothing of the topic. */
const QUESTION_WORDS = {
  fr: `comment pourquoi quoi combien quand faut faudrait peut peuvent pourrait pourraient doit doivent devrait
    devraient faire fait font est-ce possible plutot bien tres plus ca cela celle celui ceux elle elles il ils va vont
    aller sont etre avoir cas selon sera seront dont tout tous toute toutes entre quelqu chose avis pensez pense
    utile lieu propos concernant sujet question questions svp merci ou oui non`,
  en: `how what which why when where who whom can could should would will shall do does did done we our us it its
    is are be been being ok okay way ways going get gets make makes made please think really actually much many also
    there here about regarding question questions thanks thank any some`,
};

const foldAll = (list: readonly string[]) => new Set(list.map(fold));
const STOPWORDS: Record<Language, Set<string>> = {
  fr: foldAll([...frenchStopwords, ...QUESTION_WORDS.fr.split(/\s+/)]),
  en: foldAll([...englishStopwords, ...QUESTION_WORDS.en.split(/\s+/)]),
};
/** Stop words of one language only, to tell the languages apart. */
const ONLY: Record<Language, Set<string>> = {
  fr: new Set([...STOPWORDS.fr].filter((w) => !STOPWORDS.en.has(w))),
  en: new Set([...STOPWORDS.en].filter((w) => !STOPWORDS.fr.has(w))),
};

export interface Token {
  /** As typed, apostrophes and elisions removed. */
  raw: string;
  folded: string;
}

/** Splits a word with apostrophes: French elisions and English contractions are dropped. */
function unelide(word: string): string {
  const parts = word.split("'");
  if (parts.length === 1) return word;
  const first = fold(parts[0] ?? "");
  if (ELISIONS.has(first)) return parts.slice(1).join("");
  const last = fold(parts[parts.length - 1] ?? "");
  if (CONTRACTIONS.has(last)) return parts.slice(0, -1).join("");
  return parts.join(""); // aujourd'hui
}

/** "10 000" and "10.000" are the number 10000. */
const joinThousands = (text: string): string => text.replace(/(\d)[ .,\u00a0\u202f](?=\d{3}(?!\d))/g, "$1");

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of words(joinThousands(text))) {
    const raw = unelide(word);
    const folded = fold(raw);
    // "cyberattaque", "cyber-attaque" and "cyber attaque" alike.
    if (folded.startsWith("cyber") && folded.length > 7) {
      tokens.push({ raw: "cyber", folded: "cyber" }, { raw: raw.slice(5), folded: folded.slice(5) });
    } else if (folded) tokens.push({ raw, folded });
  }
  return tokens;
}

/** French or English, by which language's own stop words the text uses more (French when even). */
export function detectLanguage(tokens: readonly Token[]): Language {
  let fr = 0;
  let en = 0;
  for (const { raw, folded } of tokens) {
    // "AI" is no French "ai", and "a" may be English "a" or French "à" typed without its accent.
    if (raw.length < 2 || raw === raw.toUpperCase()) continue;
    if (ONLY.fr.has(folded)) fr++;
    else if (ONLY.en.has(folded)) en++;
  }
  return en > fr ? "en" : "fr";
}

/**
 * Snowball's French rules read accents ("sécurité" → "secur"), which phones often leave out:
 * the common accented endings are put back first ("securite" → "securité").
 */
function stemFrench(token: Token): string {
  // Snowball stems "usager" to "usag" but keeps "usagers": the plural "s" goes first.
  const word = token.raw.toLowerCase().replace(/(?<=[^s].{2})s$/, "");
  const typed = word === fold(word) ? word.replace(/ite(s?)$/, "ité$1").replace(/ee(s?)$/, "ée$1") : word;
  return fold(frenchStem(typed));
}

const stem = (token: Token, language: Language): string => (language === "fr" ? stemFrench(token) : englishStem(token.folded));

/** Concepts by the stems of their phrases, in both languages' stemming. */
interface Phrase {
  stems: string[];
  concept: string;
}
const PHRASES: Map<string, Phrase[]> = buildPhrases();

function buildPhrases(): Map<string, Phrase[]> {
  const byFirst = new Map<string, Phrase[]>();
  for (const [concept, phrases] of Object.entries(CONCEPTS)) {
    for (const phrase of phrases) {
      const tokens = tokenize(phrase);
      for (const language of ["fr", "en"] as const) {
        const stems = tokens.map((t) => stem(t, language));
        const first = stems[0];
        if (!first) continue;
        const list = byFirst.get(first) ?? [];
        if (!list.some((p) => p.stems.join(" ") === stems.join(" "))) list.push({ stems, concept: `#${concept}` });
        byFirst.set(first, list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length); // longest first
  return byFirst;
}

/**
 * French "ai" is "(j')ai": the abbreviation only when written "AI" or in an English question;
 * French "ou" is "or", only "où" is "where".
 */
function isAmbiguous(token: Token, language: Language): boolean {
  if (language !== "fr") return false;
  if (token.folded === "ai") return token.raw !== "AI";
  if (token.folded === "ou") return !token.raw.toLowerCase().includes("ù");
  return false;
}

function matchPhrase(stems: string[], tokens: Token[], at: number, language: Language): Phrase | null {
  for (const phrase of PHRASES.get(stems[at] ?? "") ?? []) {
    const n = phrase.stems.length;
    if (phrase.stems.every((s, i) => stems[at + i] === s)) {
      if (n === 1 && isAmbiguous(tokens[at] as Token, language)) continue;
      return phrase;
    }
  }
  return null;
}

/** The terms of a question: stems and concepts, in order, repeats kept. */
export function analyse(text: string): string[] {
  const tokens = tokenize(text);
  const language = detectLanguage(tokens);
  const stems = tokens.map((t) => stem(t, language));
  const stop = STOPWORDS[language];
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = matchPhrase(stems, tokens, i, language);
    if (phrase) {
      terms.push(phrase.concept);
      i += phrase.stems.length;
      continue;
    }
    const token = tokens[i] as Token;
    const term = stems[i] as string;
    if (!stop.has(token.folded) && (term.length > 1 || /\d/.test(term))) terms.push(term);
    i++;
  }
  return terms;
}
