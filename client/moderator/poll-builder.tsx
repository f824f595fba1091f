// A new poll of any of the four kinds, saved as a draft or opened at once.
import { useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import type { PollKind } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { createPoll, pollAction } from "./actions";
import { announce } from "./announce";
import { t } from "./strings";

const KINDS: PollKind[] = ["single", "multiple", "scale", "wordcloud"];

/** Unfolded while the room has no poll; folded away (one click to open) once it has some. */
export function PollBuilder({ room, expanded }: { room: LiveRoom; expanded: boolean }) {
  const [initiallyOpen] = useState(expanded);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<PollKind>("single");
  const [options, setOptions] = useState(["", ""]);
  const [visible, setVisible] = useState(true);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const withOptions = kind === "single" || kind === "multiple";

  async function submit(openNow: boolean) {
    const cleaned = options.map((o) => o.trim()).filter(Boolean);
    if (!title.trim() || codePoints(title.trim()) > LIMITS.pollTitle) return setError(t("needTitle"));
    if (withOptions && (cleaned.length < LIMITS.minOptions || cleaned.some((o) => codePoints(o) > LIMITS.optionText))) {
      return setError(t("needOptions", { min: LIMITS.minOptions, max: LIMITS.optionText }));
    }
    setError("");
    setBusy(true);
    const poll = await createPoll(room, {
      title: title.trim(),
      kind,
      resultsVisible: visible,
      ...(withOptions ? { options: cleaned } : {}),
    });
    if (poll && openNow) await pollAction(room, "open", poll.id);
    setBusy(false);
    if (poll) {
      announce(t("done", { what: poll.title }));
      setTitle("");
      setOptions(["", ""]);
    }
  }

  return (
    <details class="builder" open={initiallyOpen}>
      <summary>{t("newPoll")}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <div class="field">
          <label for="poll-title-input">{t("pollTitle")}</label>
          <input
            id="poll-title-input"
            value={title}
            maxLength={LIMITS.pollTitle * 2}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <fieldset class="kinds">
          <legend class="label">{t("kind")}</legend>
          {KINDS.map((k) => (
            <label key={k} class="check">
              <input type="radio" name="poll-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`kind_${k}`)}
            </label>
          ))}
        </fieldset>
        {withOptions && (
          <fieldset class="options">
            <legend class="label">{t("options")}</legend>
            {options.map((option, i) => (
              <div class="option-row" key={i}>
                <label class="vh" for={`option-${i}`}>
                  {t("option", { n: i + 1 })}
                </label>
                <input
                  id={`option-${i}`}
                  value={option}
                  placeholder={t("option", { n: i + 1 })}
                  maxLength={LIMITS.optionText * 2}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setOptions((list) => list.map((o, j) => (j === i ? value : o)));
                  }}
                />
                {options.length > LIMITS.minOptions && (
                  <button
                    type="button"
                    class="btn icon"
                    aria-label={t("removeOption", { n: i + 1 })}
                    onClick={() => setOptions((list) => list.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                )}
              </div>
            ))}
            {options.length < LIMITS.maxOptions && (
              <button type="button" class="btn" onClick={() => setOptions((list) => [...list, ""])}>
                {t("addOption")}
              </button>
            )}
          </fieldset>
        )}
        <label class="check">
          <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.currentTarget.checked)} />
          {t("resultsVisible")}
        </label>
        <p class="error" role="alert">
          {error}
        </p>
        <div class="row">
          <button type="submit" class="btn" disabled={busy}>
            {t("createDraft")}
          </button>
          <button type="button" class="btn primary" disabled={busy} onClick={() => void submit(true)}>
            {t("createOpen")}
          </button>
        </div>
      </form>
    </details>
  );
}
