// A new poll of any kind, saved as a draft or opened at once. Each kind says whether it takes
// options and how many (shared/poll-kinds), and its name (client/poll-kinds).
import { useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import { POLL_KIND_NAMES, type PollKind } from "../../shared/model";
import { POLL_KINDS } from "../../shared/poll-kinds";
import type { LiveRoom } from "../lib/live-room";
import { CLIENT_KINDS } from "../poll-kinds";
import { createPoll, pollAction } from "./actions";
import { announce } from "./announce";
import { t } from "./strings";

/** Unfolded while the room has no poll; folded away (one click to open) once it has some. */
export function PollBuilder({ room, expanded }: { room: LiveRoom; expanded: boolean }) {
  const [initiallyOpen] = useState(expanded);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<PollKind>("single");
  const [options, setOptions] = useState(["", ""]);
  const [visible, setVisible] = useState(true);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const bounds = POLL_KINDS[kind].options;

  async function submit(openNow: boolean) {
    const cleaned = options.map((o) => o.trim()).filter(Boolean);
    if (!title.trim() || codePoints(title.trim()) > LIMITS.pollTitle) return setError(t("needTitle"));
    if (
      bounds &&
      (cleaned.length < bounds.min || cleaned.length > bounds.max || cleaned.some((o) => codePoints(o) > LIMITS.optionText))
    ) {
      return setError(t("needOptions", { min: bounds.min, most: bounds.max, max: LIMITS.optionText }));
    }
    setError("");
    setBusy(true);
    const poll = await createPoll(room, {
      title: title.trim(),
      kind,
      resultsVisible: visible,
      ...(bounds ? { options: cleaned } : {}),
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
          {POLL_KIND_NAMES.map((k) => (
            <label key={k} class="check">
              <input type="radio" name="poll-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {CLIENT_KINDS[k].name()}
            </label>
          ))}
        </fieldset>
        {bounds && (
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
                {options.length > bounds.min && (
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
            {options.length < bounds.max && (
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
