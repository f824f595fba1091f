import type { Session } from "../../shared/model";
import { QrCode } from "../lib/qr-code";
import { clock } from "../lib/session-time";
import { t } from "./strings";

/**
 * The talk under way, so that a latecomer looking at the screen knows which session this is; between
 * sessions, the next one and its time, so the room knows what it is waiting for.
 */
function SessionLine({ session, label }: { session: Session; label: string }) {
  return (
    <div class="join-session">
      <p class="join-session-label">{label}</p>
      <p class="join-session-title">{session.title}</p>
      {session.speakers.length > 0 && <p class="join-session-speakers">{session.speakers.join(", ")}</p>}
    </div>
  );
}

export function JoinPanel({
  url,
  code,
  session,
  next,
  timeZone,
}: {
  url: string;
  code: string;
  session: Session | null;
  next?: Session | null;
  timeZone?: string;
}) {
  const short = url.replace(/^https?:\/\//, "");
  const slash = short.lastIndexOf("/");
  // As large as the line allows (an address is read letter by letter), broken only before the code.
  const size = `${Math.min(2.6, 44 / Math.max(short.length, 1)).toFixed(2)}em`;
  return (
    <section class="join" aria-labelledby="join-title">
      <QrCode text={url} label={t("qrLabel", { url })} class="qr join-qr" />
      <div class="join-text">
        {session?.status === "live" && <SessionLine session={session} label={t("sessionNow")} />}
        {session?.status !== "live" && next && (
          <SessionLine
            session={next}
            label={next.startsAt ? t("sessionNextAt", { time: clock(next.startsAt, timeZone) }) : t("sessionNext")}
          />
        )}
        <h2 id="join-title" class="join-lead">
          {t("joinAt")}
        </h2>
        <p class="join-url" style={{ fontSize: size }}>
          {short.slice(0, slash + 1)}
          <wbr />
          {short.slice(slash + 1)}
        </p>
        <p class="join-code-label">{t("code")}</p>
        <p class="join-code">{code}</p>
      </div>
    </section>
  );
}
