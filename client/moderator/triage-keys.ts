// The triage keys (the list is in shortcuts-dialog.tsx and docs/moderation.md): one keydown
// listener for the page's life, reading the triage's latest state through a ref.
import { useEffect, useRef } from "preact/hooks";
import type { ModerationAction, Question } from "../../shared/model";
import { actionForKey } from "./shortcuts";
import { type HintMap, mergeSuggestion } from "./triage-hints";

export interface TriageKeys {
  /** The questions the keys move through, in the order shown. */
  flat: Question[];
  selected: string | null;
  marked: ReadonlySet<string>;
  hints: HintMap;
  byId: Map<string, Question>;
  hasNew: boolean;
  moveTo(id: string, extend: boolean): void;
  toggleMark(id: string): void;
  clearMarks(): void;
  openLabel(): void;
  /** Acts on the marked questions when `on` is absent. */
  act(action: ModerationAction, on?: Question[]): void;
  merge(q: Question, into: Question): void;
  undo(): void;
  showNew(): void;
}

/** Actions that may apply to several marked questions at once. */
const BULK: ModerationAction[] = ["approve", "reject", "archive"];

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** Space marks only from a row (or nowhere): on any other button it keeps pressing that button. */
const onRow = (target: EventTarget | null): boolean =>
  target === document.body || (target instanceof HTMLElement && target.classList.contains("q-main"));

/** Runs what a key stands for; the key is then taken (its default prevented). */
const done = (what: () => void): true => {
  what();
  return true;
};

function handle(e: KeyboardEvent, k: TriageKeys): boolean {
  const index = k.flat.findIndex((q) => q.id === k.selected);
  const key = e.key;
  const down = key === "j" || key === "J" || key === "ArrowDown";
  if (down || key === "k" || key === "K" || key === "ArrowUp") {
    const next = k.flat[index < 0 ? 0 : Math.min(k.flat.length - 1, Math.max(0, index + (down ? 1 : -1)))];
    if (next) k.moveTo(next.id, e.shiftKey); // Shift marks the question left and the one reached
    return !!next;
  }
  if (key === "u") return done(k.undo);
  if (key === "n" && k.hasNew) return done(k.showNew);
  if (key === "Escape" && k.marked.size > 0) return done(k.clearMarks);
  const q = index < 0 ? undefined : k.flat[index];
  if (key === "l" && (q || k.marked.size > 0)) return done(k.openLabel);
  if (!q) return false;
  if (key === "x" || (key === " " && onRow(e.target))) return done(() => k.toggleMark(q.id));
  if (key === "m") {
    const into = mergeSuggestion(q, k.hints, k.byId);
    if (into) k.merge(q, into);
    return !!into;
  }
  const action = actionForKey(key.toLowerCase(), q);
  if (!action) return false;
  k.act(action, k.marked.size > 0 && BULK.includes(action) ? undefined : [q]);
  return true;
}

export function useTriageKeys(current: TriageKeys): void {
  const ref = useRef(current);
  ref.current = current;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector("dialog[open]")) return;
      if (handle(e, ref.current)) e.preventDefault();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
}
