import { useState } from "preact/hooks";
import { t } from "./strings";

/** The key form of the console, and of the report page (with its own `title`). */
export function SignIn({ error, onKey, title }: { error: string; onKey: (key: string) => void; title?: string }) {
  const [key, setKey] = useState("");
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (key.trim()) onKey(key.trim());
      }}
    >
      <h1>{title ?? t("signInTitle")}</h1>
      <p>{t("signInLead")}</p>
      <div class="field">
        <label for="key">{t("keyLabel")}</label>
        <input
          id="key"
          type="password"
          value={key}
          autoComplete="current-password"
          spellcheck={false}
          aria-describedby="key-error"
          aria-invalid={error ? true : undefined}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
      </div>
      <p id="key-error" class="error" role="alert">
        {error}
      </p>
      <button type="submit" class="btn primary">
        {t("signIn")}
      </button>
    </form>
  );
}
