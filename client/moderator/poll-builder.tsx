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
  const [correct, setCorrect] = useState<number[]>([]);
  const [seconds, setSeconds] = useState(String(LIMITS.quizDefaultSeconds));
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const bounds = POLL_KINDS[kind].options;
  const timed = POLL_KINDS[kind].timed !== undefined;

  async function submit(openNow: boolean) {
    const cleaned = options.map((o) => o.trim()).filter(Boolean);
    if (!title.trim() || codePoints(title.trim()) > LIMITS.pollTitle) return setError(t("needTitle"));
    if (
      bounds &&
      (cleaned.length < bounds.min || cleaned.length > bounds.max || cleaned.some((o) => codePoints(o) > LIMITS.optionText))
    ) {
      return setError(t("needOptions", { min: bounds.min, most: bounds.max, max: LIMITS.optionText }));
    }
    // The right answers are marked on the rows as typed: count them among the options kept.
    const kept = options.flatMap((o, i) => (o.trim() ? [i] : []));
    const right = kept.flatMap((i, j) => (correct.includes(i) ? [j] : []));
    const timeLimit = Number(seconds);
    if (
      timed &&
      (right.length === 0 ||
        !Number.isInteger(timeLimit) ||
        timeLimit < LIMITS.quizMinSeconds ||
        timeLimit > LIMITS.quizMaxSeconds)
    ) {
      return setError(t("needCorrect"));
    }
    setError("");
    setBusy(true);
    const poll = await createPoll(room, {
      title: title.trim(),
      kind,
      resultsVisible: visible,
      ...(bounds ? { options: cleaned } : {}),
      ...(timed ? { correct: right, timeLimit } : {}),
    });
    if (poll && openNow) await pollAction(room, "open", poll.id);
    setBusy(false);
    if (poll) {
      announce(t("done", { what: poll.title }));
      setTitle("");
      setOptions(["", ""]);
      setCorrect([]);
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
              <input
                type="radio"
                name="poll-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setVisible(POLL_KINDS[k].resultsVisible);
                }}
              />
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
                {timed && (
                  <label class="check correct">
                    <input
                      type="checkbox"
                      checked={correct.includes(i)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setCorrect((list) => (on ? [...list, i] : list.filter((j) => j !== i)));
                      }}
                    />
                    <span class="vh">{t("correctOption", { n: i + 1 })}</span>
                    <span aria-hidden="true">✓</span>
                  </label>
                )}
                {options.length > bounds.min && (
                  <button
                    type="button"
                    class="btn icon"
                    aria-label={t("removeOption", { n: i + 1 })}
                    onClick={() => {
                      setOptions((list) => list.filter((_, j) => j !== i));
                      setCorrect((list) => list.filter((j) => j !== i).map((j) => (j > i ? j - 1 : j)));
                    }}
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
        {timed && (
          <div class="field">
            <label for="quiz-seconds">{t("timeLimit")}</label>
            <input
              id="quiz-seconds"
              type="number"
              inputMode="numeric"
              min={LIMITS.quizMinSeconds}
              max={LIMITS.quizMaxSeconds}
              value={seconds}
              onInput={(e) => setSeconds(e.currentTarget.value)}
            />
          </div>
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
