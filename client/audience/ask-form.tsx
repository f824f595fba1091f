import { useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import type { Question } from "../../shared/model";
import { randomId } from "../lib/offline-queue";
import type { AudienceSession } from "./session";
import { SimilarHint, useSimilar } from "./similar-hint";
import { t } from "./strings";

interface Props {
  open: boolean;
  premoderation: boolean;
  session: AudienceSession;
  /** The room's questions as they are now (the hint shows their current upvotes). */
  questions: Question[];
  upvoted: (q: Question) => boolean;
}

export function AskForm({ open, premoderation, session, questions, upvoted }: Props) {
  const [text, setText] = useState("");
  const found = useSimilar(session.room.code, text);
  const current = new Map(questions.map((q) => [q.id, q]));
  const similar = found.map((q) => current.get(q.id) ?? q).filter((q) => q.status === "live");
  const [author, setAuthor] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const length = codePoints(text.trim());

  if (!open) {
    return (
      <section aria-labelledby="ask-title" class="card">
        <h2 id="ask-title">{t("askTitle")}</h2>
        <p class="notice">{t("qaClosed")}</p>
      </section>
    );
  }

  function submit(event: Event) {
    event.preventDefault();
    if (length === 0) return setMessage({ text: t("askEmpty"), error: true });
    if (length > LIMITS.questionText) return setMessage({ text: t("askTooLong"), error: true });
    session.act({
      kind: "ask",
      text: text.trim(),
      author: author.trim(),
      clientId: randomId(22),
      createdAt: new Date().toISOString(),
    });
    setText("");
    const online = session.room.socket.connected;
    setMessage({ text: !online ? t("askQueued") : premoderation ? t("askSentModerated") : t("askSent"), error: false });
  }

  return (
    <section aria-labelledby="ask-title" class="card">
      <h2 id="ask-title">{t("askTitle")}</h2>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="q-text">{t("askLabel")}</label>
          <textarea
            id="q-text"
            value={text}
            rows={3}
            aria-describedby="q-count"
            aria-invalid={length > LIMITS.questionText ? true : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setMessage(null);
            }}
          />
          <span id="q-count" class={length > LIMITS.questionText ? "hint error" : "hint"}>
            {t("chars", { n: length, max: LIMITS.questionText })}
          </span>
        </div>
        <SimilarHint
          questions={similar}
          upvoted={upvoted}
          onToggle={(q, on) => {
            session.act({ kind: "upvote", questionId: q.id, on });
            setMessage(on ? { text: t("similarSupported"), error: false } : null);
          }}
        />
        <div class="field">
          <label for="q-author">{t("authorLabel")}</label>
          <input
            id="q-author"
            value={author}
            maxLength={LIMITS.author * 2}
            autoComplete="name"
            aria-describedby="q-author-hint"
            onInput={(e) => setAuthor(e.currentTarget.value)}
          />
          <span id="q-author-hint" class="hint">
            {t("authorHint")}
          </span>
        </div>
        <button type="submit" class="btn primary wide">
          {t("ask")}
        </button>
        <p class={message?.error ? "error" : "hint"} role="status">
          {message?.text}
        </p>
      </form>
    </section>
  );
}
