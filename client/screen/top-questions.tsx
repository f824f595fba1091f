import type { Question } from "../../shared/model";
import { fmt } from "../lib/i18n";
import { t, tn } from "./strings";

export function TopQuestions({ questions }: { questions: Question[] }) {
  return (
    <section class="top-questions" aria-labelledby="top-title">
      <h2 id="top-title">{t("topQuestions")}</h2>
      {questions.length === 0 ? (
        <p class="hint waiting">{t("noQuestions")}</p>
      ) : (
        <ol>
          {questions.map((q) => (
            <li key={q.id}>
              <span class="votes">
                <span aria-hidden="true">▲ {fmt(q.upvotes)}</span>
                <span class="vh">{tn("upvotes", q.upvotes)}</span>
              </span>
              <div>
                <p class="top-text">{q.text}</p>
                <p class="top-author">{q.author || t("anonymous")}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
