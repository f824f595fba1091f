// The question on screen, large, with what the speaker may do to it, and the next live
// questions by support, each one tap away from the screen.
import { useState } from "preact/hooks";
import type { Question } from "../../shared/model";
import { t, tn } from "./strings";

export type Act = (questionId: string, action: "answer" | "highlight" | "unhighlight") => void;
export type Reply = (questionId: string, text: string) => Promise<boolean>;

/** Long questions get a smaller size, so the whole card still fits on a tablet without scrolling. */
const sizeOf = (text: string): string => (text.length > 200 ? " long" : text.length > 110 ? " medium" : "");

export function Highlighted({ question, act, reply }: { question: Question | undefined; act: Act; reply: Reply }) {
  if (!question) {
    return (
      <section class="highlighted empty" aria-labelledby="highlighted-title">
        <h2 id="highlighted-title" class="panel-title">
          {t("highlighted")}
        </h2>
        <p class="empty-text">{t("noHighlight")}</p>
      </section>
    );
  }
  const answered = question.status === "answered";
  return (
    <section class="highlighted" aria-labelledby="highlighted-title">
      <h2 id="highlighted-title" class="panel-title">
        {t("highlighted")}
        {answered && <span class="badge">{t("answered")}</span>}
      </h2>
      <blockquote class={`highlighted-text${sizeOf(question.text)}`} lang="">
        {question.text}
      </blockquote>
      <p class="highlighted-meta">
        <span>{question.author || t("anonymous")}</span>
        <span>{tn("upvotes", question.upvotes)}</span>
      </p>
      <div class="highlighted-actions">
        {!answered && (
          <button type="button" class="btn primary big" onClick={() => act(question.id, "answer")}>
            {t("markAnswered")}
          </button>
        )}
        <button type="button" class="btn big" onClick={() => act(question.id, "unhighlight")}>
          {t("unhighlight")}
        </button>
        <ReplyBox key={question.id} question={question} reply={reply} />
      </div>
    </section>
  );
}

function ReplyBox({ question, reply }: { question: Question; reply: Reply }) {
  const [text, setText] = useState(question.reply ?? "");
  const [saved, setSaved] = useState(false);
  return (
    <details class="reply-box">
      <summary class="btn">{t("reply")}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(await reply(question.id, text));
        }}
      >
        <label class="field">
          <span>{t("replyLabel")}</span>
          <textarea value={text} maxLength={1000} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary">
          {t("replySend")}
        </button>
        <span role="status" class="hint">
          {saved ? t("replySaved") : ""}
        </span>
      </form>
    </details>
  );
}

export function NextQuestions({ questions, act }: { questions: Question[]; act: Act }) {
  return (
    <section class="next" aria-labelledby="next-title">
      <h2 id="next-title" class="panel-title">
        {t("next")}
      </h2>
      {questions.length === 0 ? (
        <p class="hint">{t("noNext")}</p>
      ) : (
        <ol class="next-list">
          {questions.map((q) => (
            <li key={q.id} class="next-item">
              <p class="next-text" lang="">
                {q.text}
              </p>
              <p class="next-meta">
                <span>{tn("upvotes", q.upvotes)}</span>
                <button
                  type="button"
                  class="btn"
                  aria-label={t("answerThis", { text: q.text })}
                  onClick={() => act(q.id, "answer")}
                >
                  {t("markAnswered")}
                </button>
                <button
                  type="button"
                  class="btn primary"
                  aria-label={t("highlightThis", { text: q.text })}
                  onClick={() => act(q.id, "highlight")}
                >
                  {t("highlight")}
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
