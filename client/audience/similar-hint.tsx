// "Support this question instead?": while a person types a question, the live questions of the
// room that already ask it, each with its upvote button. One request once typing pauses (400 ms),
// only for a text of 3 words and 12 characters or more; a newer text or sending cancels it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Question } from "../../shared/model";
import { api } from "../lib/api";
import { QuestionItem } from "./question-item";
import { t, tn } from "./strings";

export const HINT_DELAY_MS = 400;
const MIN_CHARS = 12;
const MIN_WORDS = 3;
const SHOWN = 3;

const worthAsking = (text: string): boolean =>
  text.length >= MIN_CHARS && text.split(/\s+/).filter((w) => w !== "").length >= MIN_WORDS;

/** Live questions like `text`, read once the typing pauses; `[]` while too short or after a send. */
export function useSimilar(code: string, text: string): Question[] {
  const [found, setFound] = useState<Question[]>([]);
  const asked = useRef("");
  useEffect(() => {
    const wanted = text.trim();
    if (!worthAsking(wanted)) {
      asked.current = "";
      setFound([]);
      return;
    }
    if (wanted === asked.current) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      asked.current = wanted;
      api("GET /api/rooms/:code/similar", { code }, { query: { text: wanted }, signal: abort.signal })
        .then((answer) => setFound(answer.questions.filter((q) => q.status === "live").slice(0, SHOWN)))
        .catch(() => {
          // A hint is a help: no hint when offline or refused, and the question can still be sent.
        });
    }, HINT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [code, text]);
  return found;
}

export function SimilarHint({
  questions,
  upvoted,
  onToggle,
}: {
  questions: Question[];
  upvoted: (q: Question) => boolean;
  onToggle: (q: Question, on: boolean) => void;
}) {
  return (
    <div class="similar-hint">
      {/* Announced when the list changes (once typing pauses), not at every keystroke. */}
      <p class="vh" role="status">
        {questions.length > 0 ? tn("similarFound", questions.length) : ""}
      </p>
      {questions.length > 0 && (
        <section aria-labelledby="similar-title">
          <h3 id="similar-title">{t("similarTitle")}</h3>
          <ul class="questions">
            {questions.map((q) => (
              <QuestionItem key={q.id} question={q} upvoted={upvoted(q)} onToggle={(on) => onToggle(q, on)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
