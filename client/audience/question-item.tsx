import type { Question } from "../../shared/model";
import { t } from "./strings";

/** One question of the room. Its text is user input: rendered as text, never as HTML. */
export function QuestionItem({
  question,
  upvoted,
  onToggle,
}: {
  question: Question;
  upvoted: boolean;
  onToggle: (on: boolean) => void;
}) {
  const answered = question.status === "answered";
  return (
    <li class={`question${question.highlighted ? " highlighted" : ""}${answered ? " answered" : ""}`}>
      <div class="q-body">
        <p class="q-text">{question.text}</p>
        <p class="q-meta">
          {question.author || t("anonymous")}
          {question.highlighted && <span class="badge open">{t("onScreen")}</span>}
          {answered && <span class="badge">{t("answered")}</span>}
          {question.labels.map((label) => (
            <span key={label} class="badge label">
              {label}
            </span>
          ))}
        </p>
        {question.reply && (
          <p class="q-reply">
            <strong>{t("reply")}</strong> {question.reply}
          </p>
        )}
      </div>
      <button
        type="button"
        class="upvote"
        aria-pressed={upvoted}
        disabled={answered && !upvoted}
        onClick={() => onToggle(!upvoted)}
        title={upvoted ? t("supported") : t("support")}
      >
        <span aria-hidden="true">▲</span>
        <span class="n">{question.upvotes}</span>
        <span class="vh">{t("support")}</span>
      </button>
    </li>
  );
}
