// A room on a phone: header, connection status, the poll or the questions, tabs at thumb height.
import { useEffect, useState } from "preact/hooks";
import { LangSwitch } from "../lib/lang-switch";
import { LegalLinks } from "../lib/legal-links";
import { openPoll } from "../lib/room-state";
import { ConnectionBanner } from "./connection-banner";
import { PollPanel } from "./poll-panel";
import { QaPanel } from "./qa-panel";
import { ReactionBar } from "./reaction-bar";
import { useClosingAnnouncer } from "./results-announcer";
import { useAudience } from "./session";
import { t } from "./strings";
import { RefusedPage, UnknownCode } from "./unknown-code";

type Tab = "poll" | "questions";
const tabFromHash = (): Tab => (location.hash === "#questions" ? "questions" : "poll");

export function RoomPage({ code }: { code: string }) {
  const { session, view } = useAudience(code);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  const state = view?.state;
  const { said, say } = useClosingAnnouncer(state);
  useEffect(() => {
    document.title = state ? `${state.room.name} · Tribune` : "Tribune";
  }, [state?.room.name]);

  // Refused from the start: the code may be an event's (its programme) or no one's.
  if (view?.refused && !state) return <UnknownCode code={code} reason={view.refused} />;
  // Refused after having been in: the event was erased.
  if (view?.refused) return <RefusedPage heading={t("roomClosed")} reason={view.refused} />;

  const poll = state ? openPoll(state) : undefined;
  const unvoted = poll && state?.me && !(poll.id in state.me.ballots) && tab !== "poll";

  return (
    <div class="page room">
      <a class="skip vh" href="#main">
        {t("skip")}
      </a>
      <header class="top">
        <div class="room-title">
          {state && <p class="event">{state.room.eventTitle}</p>}
          <h1>{state ? state.room.name : t("connecting")}</h1>
          {/* The session under way: the board below is its own. */}
          {state?.room.session?.status === "live" && (
            <p class="event">
              {t("sessionNow")} · {state.room.session.title}
            </p>
          )}
        </div>
        <LangSwitch />
      </header>
      {view && <ConnectionBanner link={view.link} outbox={view.outbox.length} started={!!state} busy={view.busy} />}
      {view && session && view.notices.length > 0 && (
        <div class="notices" role="alert">
          {view.notices.map((n) => (
            <p class="notice" key={n}>
              {n}{" "}
              <button type="button" class="link-btn" onClick={() => session.dismiss(n)}>
                {t("dismiss")}
              </button>
            </p>
          ))}
        </div>
      )}
      <main id="main" class="content" tabIndex={-1}>
        {state && session && view ? (
          tab === "poll" ? (
            <>
              <PollPanel
                state={state}
                outbox={view.outbox}
                link={view.link}
                session={session}
                say={say}
                offsetMs={view.offsetMs}
                players={view.leaderboard?.players ?? null}
              />
              <ReactionBar socket={session.room.socket} />
            </>
          ) : (
            <QaPanel state={state} outbox={view.outbox} session={session} />
          )
        ) : (
          <p class="hint">{t("connecting")}</p>
        )}
      </main>
      <p class="vh" aria-live="polite" aria-atomic="true" id="results-said">
        {said}
      </p>
      <LegalLinks code={code} />
      <nav class="tabs" aria-label={t("sections")}>
        <a href="#poll" aria-current={tab === "poll" ? "page" : undefined}>
          {t("tabPoll")}
          {unvoted && (
            <span class="dot">
              <span class="vh">{t("newPoll")}</span>
            </span>
          )}
        </a>
        <a href="#questions" aria-current={tab === "questions" ? "page" : undefined}>
          {t("tabQuestions")}
        </a>
      </nav>
    </div>
  );
}
