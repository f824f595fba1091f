// Questions: ask, see one's own with their status, read and support the room's.
import { useState } from "preact/hooks";
import type { Question, RoomState } from "../../shared/model";
import type { Action } from "../lib/offline-queue";
import { byPopularity, byRecency } from "../lib/room-state";
import { AskForm } from "./ask-form";
import { QuestionItem } from "./question-item";
import type { AudienceSession } from "./session";
import { t } from "./strings";

type Order = "popular" | "recent";

export function QaPanel({ state, outbox, session }: { state: RoomState; outbox: readonly Action[]; session: AudienceSession }) {
  const [order, setOrder] = useState<Order>("popular");
  const mine = state.me?.questions ?? [];
  // The server may tell the asker of its pending question before the ask's acknowledgement
  // arrives: a queued ask whose text is already among the person's questions is that one.
  const asked = new Set(mine.map((q) => q.text));
  const queuedAsks = outbox.filter((a): a is Extract<Action, { kind: "ask" }> => a.kind === "ask" && !asked.has(a.text.trim()));
  const listed = state.questions.filter((q) => q.status === "live" || q.status === "answered");
  // Answered questions go after the open ones, whatever the order.
  const sorted = listed
    .slice()
    .sort(
      (a, b) =>
        (a.status === "answered" ? 1 : 0) - (b.status === "answered" ? 1 : 0) ||
        (order === "popular" ? byPopularity(a, b) : byRecency(a, b)),
    );
  const upvoted = (q: Question): boolean => {
    const pending = outbox.find((a) => a.kind === "upvote" && a.questionId === q.id);
    return pending && pending.kind === "upvote" ? pending.on : !!state.me?.upvoted.includes(q.id);
  };

  return (
    <div class="stack">
      <AskForm
        open={state.room.qaOpen}
        premoderation={state.room.premoderation}
        session={session}
        questions={state.questions}
        upvoted={upvoted}
      />
      {(mine.length > 0 || queuedAsks.length > 0) && (
        <section aria-labelledby="mine-title" class="card">
          <h2 id="mine-title">{t("mine")}</h2>
          <ul class="mine">
            {queuedAsks.map((a) => (
              <li key={a.clientId}>
                <p class="q-text">{a.text}</p>
                <span class="badge pending">{t("statusSending")}</span>
              </li>
            ))}
            {mine
              .slice()
              .sort(byRecency)
              .map((q) => (
                <li key={q.id}>
                  <p class="q-text">{q.text}</p>
                  <span class={`badge ${q.status}`}>{t(`status_${q.status}`)}</span>
                </li>
              ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="list-title">
        <div class="list-head">
          <h2 id="list-title">{t("questionsList")}</h2>
          <fieldset class="segmented">
            <legend class="vh">{t("sortLabel")}</legend>
            <button type="button" class="btn" aria-pressed={order === "popular"} onClick={() => setOrder("popular")}>
              {t("popular")}
            </button>
            <button type="button" class="btn" aria-pressed={order === "recent"} onClick={() => setOrder("recent")}>
              {t("recent")}
            </button>
          </fieldset>
        </div>
        {sorted.length === 0 ? (
          <p class="empty-state">{t("noQuestions")}</p>
        ) : (
          <ul class="questions">
            {sorted.map((q) => (
              <QuestionItem
                key={q.id}
                question={q}
                upvoted={upvoted(q)}
                onToggle={(on) => session.act({ kind: "upvote", questionId: q.id, on })}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
