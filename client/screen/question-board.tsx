import type { Question } from "../../shared/model";
import { t } from "./strings";

/** The highlighted question, large, with its author. Its text is rendered as text. */
export function QuestionBoard({ question }: { question: Question }) {
  const size = question.text.length > 180 ? "long" : question.text.length > 90 ? "medium" : "short";
  return (
    <section class="question-board" aria-labelledby="q-label">
      <h2 id="q-label" class="q-label">
        {t("question")}
      </h2>
      <blockquote class={`q-big ${size}`}>
        <p>{question.text}</p>
      </blockquote>
      <p class="q-author">— {question.author || t("anonymous")}</p>
    </section>
  );
}
