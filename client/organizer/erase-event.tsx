import { useState } from "preact/hooks";
import { LIMITS } from "../../shared/limits";
import { api } from "../lib/api";
import { errorText } from "./error-text";
import { t } from "./strings";

type Message = { text: string; error: boolean } | null;

/**
 * An event's data, with the admin token typed above: how long it keeps participant ids
 * (PATCH /api/events/:id `retentionDays`), its report, and GDPR erasure (DELETE /api/events/:id).
 */
export function EraseEvent({ token }: { token: string }) {
  const [id, setId] = useState("");
  const [days, setDays] = useState("30");
  const [message, setMessage] = useState<Message>(null);
  const target = id.trim();

  async function saveRetention() {
    try {
      const body = { retentionDays: Number(days) };
      const event = await api("PATCH /api/events/:id", { id: target }, { token: token.trim(), body });
      setMessage({ text: t("retentionSaved", { title: event.title, days: event.retentionDays ?? days }), error: false });
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    }
  }

  return (
    <details class="erase">
      <summary>{t("eraseTitle")}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!target || !confirm(t("confirmErase", { id: target }))) return;
          try {
            await api("DELETE /api/events/:id", { id: target }, { token: token.trim() });
            setMessage({ text: t("erased"), error: false });
            setId("");
          } catch (error) {
            setMessage({ text: errorText(error), error: true });
          }
        }}
      >
        <div class="field">
          <label for="erase-id">{t("eraseId")}</label>
          <input id="erase-id" value={id} onInput={(e) => setId(e.currentTarget.value)} />
        </div>
        <p class="hint">{t("retentionLead")}</p>
        <div class="field">
          <label for="retention-days">{t("retentionDays", { min: LIMITS.minRetentionDays, max: LIMITS.maxRetentionDays })}</label>
          <input
            id="retention-days"
            type="number"
            inputMode="numeric"
            min={LIMITS.minRetentionDays}
            max={LIMITS.maxRetentionDays}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        </div>
        <p class="row">
          <button type="button" class="btn" disabled={!target} onClick={() => void saveRetention()}>
            {t("saveRetention")}
          </button>
          {target && (
            <a
              class="btn"
              href={`/report/event/${encodeURIComponent(target)}#key=${encodeURIComponent(token.trim())}`}
              target="_blank"
              rel="noopener"
            >
              {t("openReport")}
            </a>
          )}
        </p>
        <p class="hint">{t("eraseLead")}</p>
        <button type="submit" class="btn danger" disabled={!target}>
          {t("erase")}
        </button>
        <p class={message?.error ? "error" : "hint"} role="status">
          {message?.text}
        </p>
      </form>
    </details>
  );
}
