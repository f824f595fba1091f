import type { ComponentChildren } from "preact";
import type { ModerationAction, Question } from "../../shared/model";
import { actionForKey } from "./shortcuts";
import { t, tn } from "./strings";

const BUTTONS: { key: string; label: (q: Question) => string }[] = [
  { key: "a", label: () => t("approve") },
  { key: "h", label: (q) => (q.highlighted ? t("unhighlight") : t("highlight")) },
  { key: "d", label: () => t("answer") },
  { key: "r", label: () => t("reject") },
  { key: "e", label: () => t("archive") },
];

/** A question to triage. Its text and author are user input: rendered as text only. */
export function QuestionRow({
  question,
  selected,
  onSelect,
  onAction,
  children,
}: {
  question: Question;
  selected: boolean;
  onSelect: () => void;
  onAction: (a: ModerationAction) => void;
  /** Shown under the row (the selected question's reply, labels and merge). */
  children?: ComponentChildren;
}) {
  return (
    <li class={`q-row${selected ? " selected" : ""}${question.highlighted ? " highlighted" : ""}`}>
      {/* Selecting a question (click, Tab, or j/k) is what the triage keys act on. */}
      <button type="button" class="q-main" data-qid={question.id} aria-pressed={selected} onClick={onSelect} onFocus={onSelect}>
        <span class="q-text">{question.text}</span>
        <span class="q-meta">
          <span>{question.author || t("anonymous")}</span>
          <span>{tn("upvotes", question.upvotes)}</span>
          {question.status !== "live" && question.status !== "pending" && (
            <span class={`badge ${question.status}`}>{t(`status_${question.status}`)}</span>
          )}
          {question.highlighted && <span class="badge open">{t("onScreen")}</span>}
          {question.labels.map((label) => (
            <span key={label} class="badge label">
              {label}
            </span>
          ))}
        </span>
      </button>
      <div class="q-actions">
        {BUTTONS.map(({ key, label }) => {
          const action = actionForKey(key, question);
          if (!action) return null;
          return (
            <button
              key={key}
              type="button"
              class={`btn small${key === "r" ? " danger" : ""}`}
              aria-keyshortcuts={key}
              onClick={() => onAction(action)}
            >
              {label(question)}
              <span class="kbd" aria-hidden="true">
                {key}
              </span>
            </button>
          );
        })}
      </div>
      {children}
    </li>
  );
}
