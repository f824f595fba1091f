// The moderator console: sign in with the event's key, then every room of the event.
import { useEffect, useState } from "preact/hooks";
import type { EventView } from "../../shared/model";
import { ClientError } from "../lib/api";
import { useLang } from "../lib/i18n";
import { LangSwitch } from "../lib/lang-switch";
import { errorText } from "./announce";
import { bt } from "./backstage-strings";
import { EventConsole } from "./event-console";
import { forgetKey, openSession, rememberKey, takeKeyFromFragment } from "./session";
import { SignIn } from "./sign-in";
import { t } from "./strings";

type Phase =
  | { kind: "signin"; error: string }
  | { kind: "checking" }
  | { kind: "organizer" }
  | { kind: "speaker"; code: string; key: string }
  | { kind: "ready"; key: string; event: EventView; roomOnly: boolean };

export function ConsoleApp() {
  useLang();
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });

  async function start(key: string) {
    setPhase({ kind: "checking" });
    try {
      const { session, event } = await openSession(key);
      rememberKey(key);
      if (session.role === "speaker") setPhase({ kind: "speaker", code: session.roomCode, key });
      else if (session.role === "organizer" || !event) setPhase({ kind: "organizer" });
      else setPhase({ kind: "ready", key, event, roomOnly: session.roomCode !== undefined });
    } catch (error) {
      if (error instanceof ClientError && (error.code === "unauthorized" || error.code === "not_found")) forgetKey();
      setPhase({ kind: "signin", error: errorText(error) });
    }
  }

  function signOut() {
    forgetKey();
    setPhase({ kind: "signin", error: "" });
  }

  useEffect(() => {
    const key = takeKeyFromFragment();
    if (key) void start(key);
    else setPhase({ kind: "signin", error: "" });
    // A console link pasted into this tab only changes the fragment: sign in with its key.
    const onHash = () => {
      if (!new URLSearchParams(location.hash.slice(1)).has("key")) return;
      const next = takeKeyFromFragment();
      if (next) void start(next);
    };
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    document.title = phase.kind === "ready" ? `${phase.event.title} · ${t("appName")}` : t("appName");
  });

  if (phase.kind === "ready")
    return <EventConsole moderatorKey={phase.key} initial={phase.event} roomOnly={phase.roomOnly} onSignOut={signOut} />;

  return (
    <div class="narrow">
      <header class="bar">
        <p class="brand">{t("appName")}</p>
        <LangSwitch />
      </header>
      <main id="main" class="narrow-main">
        {phase.kind === "checking" && (
          <p role="status" class="hint">
            {t("checking")}
          </p>
        )}
        {phase.kind === "signin" && <SignIn error={phase.error} onKey={(key) => void start(key)} />}
        {phase.kind === "speaker" && (
          <ElsewherePage
            text={bt("speakerKeyHere")}
            href={`/speaker/${phase.code}#key=${encodeURIComponent(phase.key)}`}
            label={bt("openSpeaker")}
            onSignOut={signOut}
          />
        )}
        {phase.kind === "organizer" && (
          <ElsewherePage text={t("organizerKey")} href="/organizer" label={t("organizerPage")} onSignOut={signOut} />
        )}
      </main>
    </div>
  );
}

/** A key that opens another page than the console: which one, and a way out. */
function ElsewherePage({ text, href, label, onSignOut }: { text: string; href: string; label: string; onSignOut: () => void }) {
  return (
    <div class="stack">
      <h1>{t("signInTitle")}</h1>
      <p class="notice">{text}</p>
      <p class="row">
        <a class="btn primary" href={href}>
          {label}
        </a>
        <button type="button" class="btn" onClick={onSignOut}>
          {t("signOut")}
        </button>
      </p>
    </div>
  );
}
