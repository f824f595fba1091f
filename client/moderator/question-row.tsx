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
  marked,
  flagged,
  suggestion,
  onSelect,
  onMark,
  onAction,
  onMerge,
  children,
}: {
  question: Question;
  selected: boolean;
  /** Part of the multi-selection that a, r, e and l act on. */
  marked: boolean;
  /** Its text or author holds a blocklisted word. */
  flagged: boolean;
  /** The suggested duplicate it can be merged into with m. */
  suggestion: Question | null;
  onSelect: () => void;
  onMark: (on: boolean) => void;
  onAction: (a: ModerationAction) => void;
  onMerge: (into: Question) => void;
  /** Shown under the row (the selected question's reply, labels and merge). */
  children?: ComponentChildren;
}) {
  const textId = `qt-${question.id}`;
  return (
    <li class={`q-row${selected ? " selected" : ""}${marked ? " marked" : ""}${question.highlighted ? " highlighted" : ""}`}>
      <input
        type="checkbox"
        class="q-mark"
        checked={marked}
        aria-labelledby={`mark-${question.id} ${textId}`}
        onChange={(e) => onMark(e.currentTarget.checked)}
      />
      <span id={`mark-${question.id}`} hidden>
        {t("markQuestion")}
      </span>
      {/* Selecting a question (click, Tab, or j/k) is what the triage keys act on. */}
      <button type="button" class="q-main" data-qid={question.id} aria-pressed={selected} onClick={onSelect} onFocus={onSelect}>
        <span class="q-text" id={textId}>
          {question.text}
        </span>
        <span class="q-meta">
          <span>{question.author || t("anonymous")}</span>
          <span>{tn("upvotes", question.upvotes)}</span>
          {question.status !== "live" && question.status !== "pending" && (
            <span class={`badge ${question.status}`}>{t(`status_${question.status}`)}</span>
          )}
          {flagged && <span class="badge flagged">{t("flagged")}</span>}
          {question.highlighted && <span class="badge open">{t("onScreen")}</span>}
          {question.labels.map((label) => (
            <span key={label} class="badge label">
              {label}
            </span>
          ))}
        </span>
        {suggestion && (
          <span class="q-similar">
            {t("duplicateOf")} <q>{suggestion.text}</q>
          </span>
        )}
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
        {suggestion && (
          <button type="button" class="btn small" aria-keyshortcuts="m" onClick={() => onMerge(suggestion)}>
            {t("mergeSuggested")}
            <span class="kbd" aria-hidden="true">
              m
            </span>
          </button>
        )}
      </div>
      {children}
    </li>
  );
}
