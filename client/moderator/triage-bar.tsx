// What acts on several questions at once: the marked questions' actions, the label form (l) and
// the undo of the last action (u). The count of marked questions is announced politely.
import { useEffect, useRef, useState } from "preact/hooks";
import { LIMITS } from "../../shared/limits";
import type { ModerationAction } from "../../shared/model";
import { t, tn } from "./strings";

const ACTIONS: { action: ModerationAction; key: string }[] = [
  { action: "approve", key: "a" },
  { action: "reject", key: "r" },
  { action: "archive", key: "e" },
];

interface Props {
  count: number;
  labelling: boolean;
  /** Labels already in use in the room, offered as the label is typed. */
  labels: string[];
  /** The undo button's text, or null when the last action cannot be undone. */
  undoLabel: string | null;
  onAction: (action: ModerationAction) => void;
  onLabel: (label: string) => void;
  onLabelling: (on: boolean) => void;
  onClear: () => void;
  onUndo: () => void;
}

const Kbd = ({ k }: { k: string }) => (
  <span class="kbd" aria-hidden="true">
    {k}
  </span>
);

export function SelectionBar(p: Props) {
  const [label, setLabel] = useState("");
  const input = useRef<HTMLInputElement>(null);
  // The l key opens the field to type the label at once.
  useEffect(() => {
    if (p.labelling) input.current?.focus();
  }, [p.labelling]);
  const submit = () => {
    const value = label.trim();
    if (!value) return;
    setLabel("");
    p.onLabel(value);
  };
  return (
    <div class="selection-bar">
      <p class="hint" role="status">
        {p.count > 0 ? tn("marked", p.count) : ""}
      </p>
      {p.count > 0 && (
        <fieldset class="row bulk-actions">
          <legend class="vh">{t("bulkActions")}</legend>
          {ACTIONS.map(({ action, key }) => (
            <button
              key={action}
              type="button"
              class={`btn small${action === "reject" ? " danger" : ""}`}
              aria-keyshortcuts={key}
              onClick={() => p.onAction(action)}
            >
              {t(action)}
              <Kbd k={key} />
            </button>
          ))}
          <button type="button" class="btn small" aria-keyshortcuts="l" onClick={() => p.onLabelling(true)}>
            {t("addLabel")}
            <Kbd k="l" />
          </button>
          <button type="button" class="btn small" onClick={p.onClear}>
            {t("clearSelection")}
          </button>
        </fieldset>
      )}
      {p.labelling && (
        <form
          class="row label-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label>
            {t("labelToAdd")}
            <input
              ref={input}
              list="room-labels"
              value={label}
              maxLength={LIMITS.label}
              onInput={(e) => setLabel(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  e.preventDefault();
                  p.onLabelling(false);
                }
              }}
            />
          </label>
          <datalist id="room-labels">
            {p.labels.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
          <button type="submit" class="btn small" disabled={!label.trim()}>
            {t("addLabel")}
          </button>
          <button type="button" class="btn small" onClick={() => p.onLabelling(false)}>
            {t("cancel")}
          </button>
        </form>
      )}
      {p.undoLabel && (
        <button type="button" class="btn small undo" aria-keyshortcuts="u" onClick={p.onUndo}>
          {p.undoLabel}
          <Kbd k="u" />
        </button>
      )}
    </div>
  );
}
