// Q&A triage: the pending queue (oldest first), published questions by upvotes, answered ones,
// and the rest folded away, narrowed by filters. Keyboard (shortcuts-dialog.tsx lists it): j/k or
// arrows move, x or space marks, shift+arrows mark while moving, a r e l act on the marked
// questions (or the selected one), d h m on the selected one, u undoes, n shows new questions.
// While a question is selected or marked the list stays still: new ones wait behind "n new".
import { useEffect, useRef, useState } from "preact/hooks";
import type { ModerationAction, Question, RoomState, Session } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { byPopularity } from "../lib/room-state";
import { mergeQuestion, moderate, setLabels } from "./actions";
import { announce } from "./announce";
import { QuestionNotes } from "./question-notes";
import { QuestionRow } from "./question-row";
import { actionForKey } from "./shortcuts";
import { t, tn } from "./strings";
import { SelectionBar } from "./triage-bar";
import { CURRENT, type Filters, NO_FILTER, passes, TriageFilters } from "./triage-filters";
import { mergeSuggestion, useHints } from "./triage-hints";
import { useTriageKeys } from "./triage-keys";
import { type LastAction, undo, undoable } from "./triage-undo";

const oldestFirst = (a: Question, b: Question) => a.createdAt.localeCompare(b.createdAt);

interface Props {
  room: LiveRoom;
  state: RoomState;
  moderatorKey: string;
  /** The room's sessions, from its event's programme (none: a room without a programme). */
  sessions: Session[];
}

export function Triage({ room, state, moderatorKey, sessions }: Props) {
  const { hints, refresh } = useHints(state.questions);
  // The moderator's state holds every session's questions: a room with a programme shows the
  // current session's (as phones do) until the moderator asks for another or for all.
  const [filters, setFilters] = useState<Filters>(() => (state.room.session ? { ...NO_FILTER, session: CURRENT } : NO_FILTER));
  const [selected, setSelected] = useState<string | null>(null);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set(state.questions.map((q) => q.id)));
  const [last, setLast] = useState<LastAction | null>(null);
  const [labelling, setLabelling] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  // A session that starts while the console is open: the triage follows it to its fresh board,
  // unless the moderator chose a session filter of their own.
  const choseSession = useRef(false);
  const currentId = state.room.session?.id;
  useEffect(() => {
    if (currentId && !choseSession.current) setFilters((f) => (f.session === "" ? { ...f, session: CURRENT } : f));
  }, [currentId]);
  const changeFilters = (next: Filters) => {
    if (next.session !== filters.session) choseSession.current = true;
    setFilters(next);
  };

  const byId = new Map(state.questions.map((q) => [q.id, q]));
  const visible = state.questions.filter((q) => passes(q, filters, hints, state.room.session?.id ?? null));
  const fresh = visible.filter((q) => !shown.has(q.id));
  const listed = visible.filter((q) => shown.has(q.id));
  const pending = listed.filter((q) => q.status === "pending").sort(oldestFirst);
  const live = listed.filter((q) => q.status === "live").sort(byPopularity);
  const answered = listed.filter((q) => q.status === "answered").sort(byPopularity);
  const others = listed
    .filter((q) => q.status === "rejected" || q.status === "archived" || q.status === "merged")
    .sort(oldestFirst);
  // A status filter on a folded status lists those questions openly, so the keys reach them.
  const folded =
    filters.status === "" || filters.status === "pending" || filters.status === "live" || filters.status === "answered";
  const sections = folded ? [pending, live, answered] : [others];
  const flat = sections.flat();
  const reading = selected !== null || marked.size > 0;
  const labels = [...new Set(state.questions.flatMap((q) => q.labels))].sort();

  function showNew() {
    setShown(new Set(state.questions.map((q) => q.id)));
    void refresh(state.room.code, moderatorKey);
  }

  // Not reading: new questions come in at once (their hints read once they are in).
  useEffect(() => {
    if (!reading && fresh.length > 0) showNew();
  });

  const focusRow = (id: string) => {
    setSelected(id);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-qid="${id}"]`)?.focus());
  };

  function mark(ids: string[], on: boolean) {
    setMarked((m) => {
      const next = new Set(m);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  }

  /** The questions an action acts on: the marked ones, else the selected one. */
  const targets = (): Question[] => {
    const ids = marked.size > 0 ? [...marked] : selected ? [selected] : [];
    return ids.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
  };

  /** After questions leave their list, select the one that follows the last of them. */
  function selectAfter(done: Question[]) {
    const list = sections.find((s) => s.includes(done[done.length - 1] as Question)) ?? [];
    const gone = new Set(done.map((q) => q.id));
    const lastIndex = Math.max(...done.map((q) => list.indexOf(q)));
    const next =
      list.slice(lastIndex + 1).find((q) => !gone.has(q.id)) ??
      list
        .slice(0, lastIndex)
        .reverse()
        .find((q) => !gone.has(q.id));
    if (next) focusRow(next.id);
  }

  // The selection moves on before the server answers, so the next key acts on the next question.
  async function act(action: ModerationAction, on = targets()) {
    const allowed = on.filter((q) => actionForKeyOf(action, q) === action);
    if (allowed.length === 0) return;
    setMarked(new Set());
    if (action !== "highlight" && action !== "unhighlight") selectAfter(allowed);
    const results = await Promise.all(allowed.map((q) => moderate(room, q.id, action)));
    const done = results.filter((q): q is Question => q !== null);
    if (done.length === 0) return;
    setLast({ kind: "moderate", action, done: done.map((q) => ({ id: q.id, status: q.status, highlighted: q.highlighted })) });
    announce(t("done", { what: `${t(action)} — ${what(done)}` }));
  }

  async function merge(q: Question, into: Question) {
    selectAfter([q]);
    if (!(await mergeQuestion(room, q.id, into.id))) return;
    setLast({ kind: "moderate", action: "merge", done: [] });
    announce(t("done", { what: `${t("merge")} — ${q.text.slice(0, 60)}` }));
  }

  async function addLabel(label: string) {
    setLabelling(false);
    const on = targets().filter((q) => !q.labels.includes(label));
    const results = await Promise.all(on.map((q) => setLabels(room, q.id, [...q.labels, label])));
    const done = results.filter((q): q is Question => q !== null);
    if (done.length === 0) return;
    setLast({ kind: "label", label, ids: done.map((q) => q.id) });
    setMarked(new Set());
    announce(t("done", { what: `${t("addLabel")} ${label} — ${what(done)}` }));
    if (selected) focusRow(selected);
  }

  async function undoLast() {
    if (!undoable(last)) return;
    setLast(null);
    const n = await undo(room, last, byId);
    announce(t("undone", { what: tn("questionsCount", n) }));
  }

  useTriageKeys({
    flat,
    selected,
    marked,
    hints,
    byId,
    hasNew: fresh.length > 0,
    moveTo: (id, extend) => {
      if (extend) mark([...(selected ? [selected] : []), id], true);
      focusRow(id);
    },
    toggleMark: (id) => mark([id], !marked.has(id)),
    clearMarks: () => {
      setMarked(new Set());
      announce(t("selectionCleared"));
    },
    openLabel: () => setLabelling(true),
    act: (action, on) => void act(action, on),
    merge: (q, into) => void merge(q, into),
    undo: () => void undoLast(),
    showNew,
  });

  const row = (q: Question) => (
    <QuestionRow
      key={q.id}
      question={q}
      selected={q.id === selected}
      marked={marked.has(q.id)}
      flagged={hints.get(q.id)?.flagged ?? false}
      suggestion={mergeSuggestion(q, hints, byId)}
      onSelect={() => setSelected(q.id)}
      onMark={(on) => mark([q.id], on)}
      onAction={(a) => void act(a, [q])}
      onMerge={(into) => void merge(q, into)}
    >
      {q.id === selected && <QuestionNotes key={q.id} room={room} question={q} targets={[...live, ...answered]} />}
    </QuestionRow>
  );

  const section = (id: string, title: string, list: Question[], empty: string) => (
    <section aria-labelledby={id}>
      <h4 id={id}>
        {title} <span class="count-pill">{list.length}</span>
      </h4>
      {list.length ? <ul class="q-list">{list.map(row)}</ul> : <p class="hint">{empty}</p>}
    </section>
  );

  return (
    <section class="panel triage" aria-labelledby="qa-title">
      <h3 id="qa-title">{t("qa")}</h3>
      <TriageFilters filters={filters} onChange={changeFilters} labels={labels} sessions={sessions} />
      <SelectionBar
        count={marked.size}
        labelling={labelling}
        labels={labels}
        undoLabel={undoable(last) ? undoText(last) : null}
        onAction={(a) => void act(a)}
        onLabel={(label) => void addLabel(label)}
        onLabelling={(on) => {
          setLabelling(on);
          if (!on && selected) focusRow(selected);
        }}
        onClear={() => setMarked(new Set())}
        onUndo={() => void undoLast()}
      />
      {fresh.length > 0 && (
        <button type="button" class="btn new-questions" aria-keyshortcuts="n" onClick={showNew}>
          {tn("newQuestions", fresh.length)}
          <span class="kbd" aria-hidden="true">
            n
          </span>
        </button>
      )}
      <div ref={listRef} class="stack">
        {folded ? (
          <>
            {filters.status !== "live" &&
              filters.status !== "answered" &&
              section("queue-title", t("queue"), pending, t("emptyQueue"))}
            {(filters.status === "" || filters.status === "live") && section("live-title", t("live"), live, t("emptyLive"))}
            {(filters.status === "" || filters.status === "answered") &&
              section("answered-title", t("answeredList"), answered, t("emptyAnswered"))}
            {filters.status === "" && others.length > 0 && (
              <details>
                <summary>
                  {t("others")} ({others.length})
                </summary>
                <ul class="q-list">{others.map(row)}</ul>
              </details>
            )}
          </>
        ) : (
          section("others-title", filters.status ? t(`status_${filters.status}`) : t("others"), others, t("emptyFiltered"))
        )}
      </div>
    </section>
  );
}

/** The action a key would take on `q`, looked up by the action's own key (approve → a …). */
function actionForKeyOf(action: ModerationAction, q: Question): ModerationAction | null {
  const key = { approve: "a", reject: "r", answer: "d", archive: "e", highlight: "h", unhighlight: "h", merge: "" }[action];
  return actionForKey(key, q);
}

const what = (qs: Question[]): string =>
  qs.length === 1 ? (qs[0] as Question).text.slice(0, 60) : tn("questionsCount", qs.length);

function undoText(last: LastAction): string {
  const n = last.kind === "label" ? last.ids.length : last.done.length;
  const action = last.kind === "label" ? `${t("addLabel")} ${last.label}` : t(last.action);
  return t("undoWhat", { what: `${action} — ${tn("questionsCount", n)}` });
}
