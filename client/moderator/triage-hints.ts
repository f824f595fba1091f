// The moderation view's hints (similar questions, blocklist flag) come with the room's `state`;
// a `question` event carries the public shape only. The console keeps the last hints it read for
// each question and reads the moderation view again when it shows newly arrived questions.
import { useRef } from "preact/hooks";
import type { Question } from "../../shared/model";
import { api } from "../lib/api";

export interface Hints {
  similar: string[];
  flagged: boolean;
}

export type HintMap = Map<string, Hints>;

/** Hints of every question that carries them, kept across the updates that drop them. */
export function useHints(questions: Question[]): { hints: HintMap; refresh: (code: string, key: string) => Promise<void> } {
  const ref = useRef<HintMap>(new Map());
  // One read at a time: questions arriving during a read are covered by one more read after it.
  const reading = useRef<{ busy: boolean; again: boolean }>({ busy: false, again: false });
  for (const q of questions) {
    if (q.similar !== undefined) ref.current.set(q.id, { similar: q.similar, flagged: q.flagged ?? false });
  }
  async function refresh(code: string, key: string): Promise<void> {
    const r = reading.current;
    if (r.busy) {
      r.again = true;
      return;
    }
    r.busy = true;
    try {
      const view = await api("GET /api/rooms/:code/moderation", { code }, { token: key, query: { session: "all" } });
      for (const q of view.questions) ref.current.set(q.id, { similar: q.similar ?? [], flagged: q.flagged ?? false });
    } catch {
      // Hints are a help: without them the console still triages, and the next read brings them.
    } finally {
      r.busy = false;
    }
    if (r.again) {
      r.again = false;
      await refresh(code, key);
    }
  }
  return { hints: ref.current, refresh };
}

/** The first suggested duplicate a question can be merged into (live or answered, not itself). */
export function mergeSuggestion(q: Question, hints: HintMap, byId: Map<string, Question>): Question | null {
  if (q.status !== "pending" && q.status !== "live" && q.status !== "answered") return null;
  for (const id of hints.get(q.id)?.similar ?? []) {
    const target = byId.get(id);
    if (target && target.id !== q.id && (target.status === "live" || target.status === "answered")) return target;
  }
  return null;
}
