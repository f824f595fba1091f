import { useState } from "preact/hooks";
import { api } from "../lib/api";
import { errorText } from "./error-text";
import { t } from "./strings";

/** GDPR erasure: DELETE /api/events/:id with the admin token typed above. */
export function EraseEvent({ token }: { token: string }) {
  const [id, setId] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <details class="erase">
      <summary>{t("eraseTitle")}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const target = id.trim();
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
        <p class="hint">{t("eraseLead")}</p>
        <div class="field">
          <label for="erase-id">{t("eraseId")}</label>
          <input id="erase-id" value={id} onInput={(e) => setId(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn danger" disabled={!id.trim()}>
          {t("erase")}
        </button>
        <p class={message?.error ? "error" : "hint"} role="status">
          {message?.text}
        </p>
      </form>
    </details>
  );
}
