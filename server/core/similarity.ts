// Which questions of a room ask the same thing: an index of the room's questions, scored by
// cosine similarity of their terms (similarity-terms.ts) weighted by rarity in the room (IDF),
// so that "IA" shared by every question of an AI session counts less than "rançongiciel".
// A query word absent from the room but one typo away from a word of it counts as that word.
// Pure and in memory; the service rebuilds it from the store (see similar-questions.ts).
import { analyse } from "./similarity-terms.js";

/** At or above this score two questions ask the same thing (tuned on test/fixtures/similar-questions.json). */
export const SIMILAR_THRESHOLD = 0.5;

/** A typo-corrected word counts for less than the word itself. */
const TYPO_WEIGHT = 0.8;

export interface QueryOptions {
  /** At most this many ids (3 when absent). */
  limit?: number;
  /** Ids never returned (the question itself). */
  exclude?: ReadonlySet<string> | readonly string[];
  /** Only ids this accepts (a status filter). */
  accept?: (id: string) => boolean;
  threshold?: number;
}

export interface Scored {
  id: string;
  score: number;
}

export class SimilarityIndex {
  /** The distinct terms of each question. */
  private readonly docs = new Map<string, { text: string; terms: string[] }>();
  /** Which questions hold each term. */
  private readonly postings = new Map<string, Set<string>>();
  /** Norms depend on every document frequency, so they are recomputed after a change, once. */
  private norms = new Map<string, number>();
  private normsVersion = -1;
  /** Bumped by every change: a caller may keep what it computed for one version. */
  version = 0;

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  textOf(id: string): string | undefined {
    return this.docs.get(id)?.text;
  }

  add(id: string, text: string): void {
    if (this.docs.has(id)) this.remove(id);
    const terms = [...new Set(analyse(text))];
    this.docs.set(id, { text, terms });
    for (const term of terms) {
      let ids = this.postings.get(term);
      if (!ids) {
        ids = new Set();
        this.postings.set(term, ids);
      }
      ids.add(id);
    }
    this.version++;
  }

  /** Replaces a question's text (a no-op when it did not change). */
  update(id: string, text: string): void {
    if (this.docs.get(id)?.text !== text) this.add(id, text);
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    for (const term of doc.terms) {
      const ids = this.postings.get(term);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(term);
    }
    this.version++;
  }

  /** Makes the index hold exactly these questions, analysing only new or changed texts. */
  sync(questions: Iterable<{ id: string; text: string }>): void {
    const seen = new Set<string>();
    for (const q of questions) {
      seen.add(q.id);
      this.update(q.id, q.text);
    }
    for (const id of [...this.docs.keys()]) if (!seen.has(id)) this.remove(id);
  }

  /** Ids of the questions most similar to `text`, most similar first, at or above the threshold. */
  query(text: string, options: QueryOptions = {}): string[] {
    return this.scores(text, options).map((s) => s.id);
  }

  /** Like `query`, with the scores. */
  scores(text: string, options: QueryOptions = {}): Scored[] {
    return this.best(this.dotProducts(analyse(text)), options);
  }

  /** The questions most similar to a question of the index (itself left out), without analysing its text again. */
  queryById(id: string, options: QueryOptions = {}): string[] {
    const doc = this.docs.get(id);
    if (!doc) return [];
    const exclude = new Set(options.exclude ?? []).add(id);
    return this.best(this.dotProducts(doc.terms), { ...options, exclude }).map((s) => s.id);
  }

  private best(dots: Map<string, number>, options: QueryOptions): Scored[] {
    const { limit = 3, accept, threshold = SIMILAR_THRESHOLD } = options;
    const exclude = new Set(options.exclude ?? []);
    const all: Scored[] = [];
    for (const [id, score] of dots) {
      if (score >= threshold && !exclude.has(id) && (!accept || accept(id))) all.push({ id, score });
    }
    all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return all.slice(0, limit);
  }

  /** The similarity of `text` to one question of the index, 0 to 1 (0 when it is not there). */
  score(text: string, id: string): number {
    return this.dotProducts(analyse(text)).get(id) ?? 0;
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + this.docs.size / Math.max(df, 1));
  }

  /** Cosine similarity of a text's terms to every question sharing a term with them. */
  private dotProducts(terms: readonly string[]): Map<string, number> {
    this.refreshNorms();
    const weights = new Map<string, number>();
    for (const term of new Set(terms)) {
      const known = this.postings.has(term) ? term : this.nearTerm(term);
      const weight = known === term ? this.idf(term) : known ? TYPO_WEIGHT * this.idf(known) : this.idf(term);
      const key = known ?? term;
      weights.set(key, Math.max(weights.get(key) ?? 0, weight));
    }
    let queryNorm = 0;
    for (const w of weights.values()) queryNorm += w * w;
    queryNorm = Math.sqrt(queryNorm);
    const dots = new Map<string, number>();
    if (queryNorm === 0) return dots;
    for (const [term, weight] of weights) {
      const ids = this.postings.get(term);
      if (!ids) continue;
      const contribution = weight * this.idf(term);
      for (const id of ids) dots.set(id, (dots.get(id) ?? 0) + contribution);
    }
    for (const [id, dot] of dots) dots.set(id, dot / (queryNorm * (this.norms.get(id) || 1)));
    return dots;
  }

  private refreshNorms(): void {
    if (this.normsVersion === this.version) return;
    const norms = new Map<string, number>();
    for (const [id, doc] of this.docs) {
      let sum = 0;
      for (const term of doc.terms) sum += this.idf(term) ** 2;
      norms.set(id, Math.sqrt(sum));
    }
    this.norms = norms;
    this.normsVersion = this.version;
  }

  /** A term of the index one typo away (two for long words), or null; concepts are never guessed. */
  private nearTerm(term: string): string | null {
    if (term.length < 4 || term.startsWith("#")) return null;
    const budget = term.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = budget + 1;
    for (const candidate of this.postings.keys()) {
      if (candidate.startsWith("#") || Math.abs(candidate.length - term.length) > 3) continue;
      if (candidate[0] !== term[0]) continue;
      const d = sharesStem(term, candidate) ? 1 : editDistance(term, candidate, budget);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }
}

/**
 * One is the other with a few more letters: an inflection the stemmer kept ("penalisent",
 * "penalis"). Five letters in common at least, so short stems do not swallow other words.
 */
const sharesStem = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length - short.length <= 3 && long.startsWith(short);
};

/** Levenshtein distance with adjacent swaps, or `budget + 1` once it is certainly above `budget`. */
export function editDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > budget) return budget + 1;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[b.length] as number, budget + 1);
}
