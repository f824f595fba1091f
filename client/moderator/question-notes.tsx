// What a moderator writes on the selected question besides its state: a public reply, labels,
// and merging it into a question that asks the same thing.
import { useState } from "preact/hooks";
import { LIMITS } from "../../shared/limits";
import type { Question } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { mergeQuestion, replyTo, setLabels } from "./actions";
import { announce } from "./announce";
import { t } from "./strings";

export function QuestionNotes({ room, question, targets }: { room: LiveRoom; question: Question; targets: Question[] }) {
  const [reply, setReply] = useState(question.reply ?? "");
  const [labels, setLabelText] = useState(question.labels.join(", "));
  const [into, setInto] = useState("");
  const id = question.id;
  const mergeable = question.status === "pending" || question.status === "live" || question.status === "answered";
  const others = targets.filter((q) => q.id !== id);

  async function saveLabels() {
    const list = labels
      .split(",")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    if (await setLabels(room, id, list)) announce(t("done", { what: t("saveLabels") }));
  }

  return (
    <div class="q-notes stack">
      <label>
        {t("replyLabel")}
        <textarea maxLength={LIMITS.reply} value={reply} onInput={(e) => setReply((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button
        type="button"
        class="btn small"
        onClick={async () => (await replyTo(room, id, reply)) && announce(t("done", { what: t("saveReply") }))}
      >
        {t("saveReply")}
      </button>
      <label>
        {t("labelsLabel")}
        <input
          value={labels}
          maxLength={LIMITS.labels * (LIMITS.label + 2)}
          onInput={(e) => setLabelText((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="button" class="btn small" onClick={() => void saveLabels()}>
        {t("saveLabels")}
      </button>
      {mergeable && others.length > 0 && (
        <>
          <label>
            {t("mergeInto")}
            <select value={into} onChange={(e) => setInto((e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {others.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.text.slice(0, 80)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="btn small" disabled={!into} onClick={() => void mergeQuestion(room, id, into)}>
            {t("merge")}
          </button>
        </>
      )}
    </div>
  );
}
