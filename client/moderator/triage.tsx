// Q&A triage: the pending queue (oldest first), published questions by upvotes, answered ones,
// and the rest folded away. Keyboard: j/k or arrows select, a r h d e act, ? shows the help.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ModerationAction, Question, RoomState } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { byPopularity } from "../lib/room-state";
import { moderate } from "./actions";
import { announce } from "./announce";
import { QuestionNotes } from "./question-notes";
import { QuestionRow } from "./question-row";
import { actionForKey } from "./shortcuts";
import { t } from "./strings";

const oldestFirst = (a: Question, b: Question) => a.createdAt.localeCompare(b.createdAt);

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function Triage({ room, state }: { room: LiveRoom; state: RoomState }) {
  const pending = state.questions.filter((q) => q.status === "pending").sort(oldestFirst);
  const live = state.questions.filter((q) => q.status === "live").sort(byPopularity);
  const answered = state.questions.filter((q) => q.status === "answered").sort(byPopularity);
  const others = state.questions
    .filter((q) => q.status === "rejected" || q.status === "archived" || q.status === "merged")
    .sort(oldestFirst);
  const sections = [pending, live, answered];
  const flat = sections.flat();
  const [selected, setSelected] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const focusRow = (id: string) => {
    setSelected(id);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-qid="${id}"]`)?.focus());
  };

  async function act(q: Question, action: ModerationAction) {
    // After a question leaves its list, select the next one of the same list.
    const list = sections.find((s) => s.includes(q)) ?? [];
    const i = list.indexOf(q);
    const next = list[i + 1] ?? list[i - 1];
    const done = await moderate(room, q.id, action);
    if (!done) return;
    announce(t("done", { what: `${t(action)} — ${q.text.slice(0, 60)}` }));
    if (action !== "highlight" && action !== "unhighlight" && next && selected === q.id) focusRow(next.id);
  }

  const stateRef = useRef({ flat, selected, act });
  stateRef.current = { flat, selected, act };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector("dialog[open]")) return;
      const { flat, selected, act } = stateRef.current;
      const index = flat.findIndex((q) => q.id === selected);
      if (e.key === "j" || e.key === "ArrowDown" || e.key === "k" || e.key === "ArrowUp") {
        if (!flat.length) return;
        const down = e.key === "j" || e.key === "ArrowDown";
        const next = flat[index < 0 ? 0 : Math.min(flat.length - 1, Math.max(0, index + (down ? 1 : -1)))];
        if (next) {
          e.preventDefault();
          focusRow(next.id);
        }
        return;
      }
      const q = flat[index];
      if (!q) return;
      const action = actionForKey(e.key.toLowerCase(), q);
      if (action) {
        e.preventDefault();
        void act(q, action);
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  const row = (q: Question) => (
    <QuestionRow
      key={q.id}
      question={q}
      selected={q.id === selected}
      onSelect={() => setSelected(q.id)}
      onAction={(a) => void act(q, a)}
    >
      {q.id === selected && <QuestionNotes key={q.id} room={room} question={q} targets={[...live, ...answered]} />}
    </QuestionRow>
  );

  return (
    <section class="panel triage" aria-labelledby="qa-title">
      <h3 id="qa-title">{t("qa")}</h3>
      <div ref={listRef} class="stack">
        <section aria-labelledby="queue-title">
          <h4 id="queue-title">
            {t("queue")} <span class="count-pill">{pending.length}</span>
          </h4>
          {pending.length ? <ul class="q-list">{pending.map(row)}</ul> : <p class="hint">{t("emptyQueue")}</p>}
        </section>
        <section aria-labelledby="live-title">
          <h4 id="live-title">
            {t("live")} <span class="count-pill">{live.length}</span>
          </h4>
          {live.length ? <ul class="q-list">{live.map(row)}</ul> : <p class="hint">{t("emptyLive")}</p>}
        </section>
        <section aria-labelledby="answered-title">
          <h4 id="answered-title">
            {t("answeredList")} <span class="count-pill">{answered.length}</span>
          </h4>
          {answered.length ? <ul class="q-list">{answered.map(row)}</ul> : <p class="hint">{t("emptyAnswered")}</p>}
        </section>
        {others.length > 0 && (
          <details>
            <summary>
              {t("others")} ({others.length})
            </summary>
            <ul class="q-list">{others.map(row)}</ul>
          </details>
        )}
      </div>
    </section>
  );
}
