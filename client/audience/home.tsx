import { useState } from "preact/hooks";
import { CODE_ALPHABET, normalizeCode, ROOM_CODE } from "../../shared/limits";
import { api, ClientError } from "../lib/api";
import { LangSwitch } from "../lib/lang-switch";
import { LegalLinks } from "../lib/legal-links";
import { t } from "./strings";

export function Home() {
  const [code, setCode] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const wanted = normalizeCode(code).replace(/\s+/g, "");
    if (!ROOM_CODE.test(wanted)) {
      setError(t("codeInvalid"));
      return;
    }
    setBusy(true);
    try {
      // Answers for an event's code and for any room's: the page at /<CODE> shows the right one.
      await api("GET /api/programme/:code", { code: wanted });
      location.assign(`/${wanted}`);
    } catch (e) {
      setError(
        e instanceof ClientError && e.code === "not_found"
          ? t("codeUnknown")
          : e instanceof ClientError && e.message
            ? e.message
            : t("offline"),
      );
      setBusy(false);
    }
  }

  return (
    <div class="page home">
      <a class="skip vh" href="#main">
        {t("skip")}
      </a>
      <header class="top">
        <p class="brand">{t("title")}</p>
        <LangSwitch />
      </header>
      <main id="main" class="content">
        <h1>{t("homeLead")}</h1>
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="code">{t("codeLabel")}</label>
            <input
              id="code"
              name="code"
              class="code-input"
              value={code}
              onInput={(e) => {
                setCode(e.currentTarget.value);
                setError("");
              }}
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              maxLength={8}
              aria-describedby="code-hint code-error"
              aria-invalid={error ? true : undefined}
              pattern={`[${CODE_ALPHABET}${CODE_ALPHABET.toLowerCase()}]{6}`}
            />
            <span id="code-hint" class="hint">
              {t("codeHint")}
            </span>
          </div>
          <p id="code-error" class="error" role="alert">
            {error}
          </p>
          <button type="submit" class="btn primary wide" disabled={busy}>
            {t("join")}
          </button>
        </form>
        <p class="hint privacy">{t("privacy")}</p>
      </main>
      <LegalLinks />
    </div>
  );
}
