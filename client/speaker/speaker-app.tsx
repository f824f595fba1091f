// The speaker's view, for a tablet on the lectern: the question on screen large, the next live
// questions, the time left in the session, the moderators' messages. The speaker's key comes in
// the link's fragment (never sent in a request line) and opens this room only.
import { useEffect, useState } from "preact/hooks";
import { ROOM_CODE } from "../../shared/limits";
import type { Question } from "../../shared/model";
import type { ClientError } from "../lib/api";
import { useLang } from "../lib/i18n";
import { takeKeyFromFragment } from "../lib/key-fragment";
import { LangSwitch } from "../lib/lang-switch";
import { LiveRoom, useSnapshot } from "../lib/live-room";
import { byPopularity } from "../lib/room-state";
import { request } from "../lib/socket";
import { remove, save } from "../lib/storage";
import { Backstage } from "./backstage";
import { Countdown } from "./countdown";
import { type Act, Highlighted, NextQuestions, type Reply } from "./questions";
import { t } from "./strings";
import { ThemeSwitch } from "./theme";

const KEY = "tribune.speakerKey";
/** What fits beside the question on screen on a tablet. */
const NEXT_SHOWN = 5;

const codeFromPath = (): string => decodeURIComponent(location.pathname.split("/")[2] ?? "").toUpperCase();
const isShown = (q: Question): boolean => q.status === "live" || q.status === "answered";

export function SpeakerApp() {
  useLang();
  const code = codeFromPath();
  const [key, setKey] = useState<string | null>(() => takeKeyFromFragment(KEY));
  if (!ROOM_CODE.test(code)) return <Notice text={t("missingCode")} />;
  const typed = (k: string) => {
    save(KEY, k, "session");
    setKey(k);
  };
  if (!key) return <KeyForm onKey={typed} />;
  const forget = () => {
    remove(KEY, "session");
    setKey(null);
  };
  return <Lectern code={code} keyValue={key} onForget={forget} />;
}

function Lectern({ code, keyValue, onForget }: { code: string; keyValue: string; onForget: () => void }) {
  const [room, setRoom] = useState<LiveRoom | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    const live = new LiveRoom(code, { moderatorKey: keyValue }, "public");
    setRoom(live);
    return () => live.close();
  }, [code, keyValue]);
  const { state, link, refused } = useSnapshot(room);
  useEffect(() => {
    if (state) document.title = `${t("title")} · ${state.room.name} · Tribune`;
  }, [state?.room.name]);

  // Refused at the handshake (a revoked or mistyped key), or told to go by the server rather than
  // offline: it will not come back by itself.
  if (refused) return <Notice text={t("closedByModerators")} detail={refused} onForget={onForget} />;
  if (room && !room.socket.active && state && navigator.onLine)
    return <Notice text={t("closedByModerators")} onForget={onForget} />;
  if (!state || !room) return <Notice text={t("connecting")} />;

  const failed = (err: unknown) => setProblem(t("failed", { reason: (err as ClientError).message || String(err) }));
  const act: Act = (questionId, action) => {
    setProblem("");
    request(room.socket, "question:moderate", { questionId, action }).catch(failed);
  };
  const reply: Reply = (questionId, text) =>
    request(room.socket, "question:reply", { questionId, text }).then(
      () => true,
      (err) => {
        failed(err);
        return false;
      },
    );

  const shown = state.questions.filter(isShown);
  const highlighted = shown.find((q) => q.highlighted);
  const next = shown
    .filter((q) => q.status === "live" && !q.highlighted)
    .sort(byPopularity)
    .slice(0, NEXT_SHOWN);
  const session = state.room.session;
  return (
    <div class="lectern">
      <header class="lectern-bar">
        <div class="lectern-title">
          <h1>{session?.title ?? state.room.name}</h1>
          <p class="hint">{session ? `${state.room.name} · ${state.room.eventTitle}` : state.room.eventTitle}</p>
        </div>
        <Countdown session={session} />
        <div class="lectern-tools">
          <ThemeSwitch />
          <LangSwitch />
        </div>
      </header>
      <main class="lectern-main">
        <Highlighted question={highlighted} act={act} reply={reply} />
        <aside class="lectern-side">
          <Backstage messages={state.messages ?? []} />
          <NextQuestions questions={next} act={act} />
        </aside>
      </main>
      <p class="lectern-status" role="status">
        {problem || (link === "online" ? "" : t("reconnecting"))}
      </p>
    </div>
  );
}

function KeyForm({ onKey }: { onKey: (key: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <main class="lectern-notice">
      <h1>{t("keyTitle")}</h1>
      <p>{t("keyLead")}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onKey(value.trim());
        }}
      >
        <label class="field">
          <span>{t("keyLabel")}</span>
          <input type="password" autoComplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary">
          {t("keySubmit")}
        </button>
      </form>
      <LangSwitch />
    </main>
  );
}

/** A page-wide message; `onForget` offers to type another key (the one kept opens nothing). */
function Notice({ text, detail, onForget }: { text: string; detail?: string; onForget?: () => void }) {
  return (
    <main class="lectern-notice">
      <h1>{text}</h1>
      {detail && <p class="hint">{detail}</p>}
      {onForget && (
        <p>
          <button type="button" class="btn primary" onClick={onForget}>
            {t("otherKey")}
          </button>
        </p>
      )}
      <LangSwitch />
    </main>
  );
}
