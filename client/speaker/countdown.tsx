// Time left in the current session, counting down to its `endsAt` once a second; past it, the
// time over, marked so. The speaker reads it from a metre away: minutes and seconds only.
import { useEffect, useState } from "preact/hooks";
import type { Session } from "../../shared/model";
import { t } from "./strings";

/** `m:ss` (or `h:mm:ss`) between now and `endsAt`, and whether it is past. */
export function timeLeft(endsAt: string, now: number): { text: string; over: boolean } {
  const ms = Date.parse(endsAt) - now;
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  const text = h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
  return { text, over: ms < 0 };
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function Countdown({ session }: { session: Session | null }) {
  const now = useNow();
  const endsAt = session?.status === "live" ? session.endsAt : null;
  if (!endsAt) {
    return (
      <div class="countdown idle">
        <span class="countdown-label">{t("timeLeft")}</span>
        <span class="countdown-value">{session ? t("noEnd") : t("noSession")}</span>
      </div>
    );
  }
  const left = timeLeft(endsAt, now);
  const soon = !left.over && Date.parse(endsAt) - now < 5 * 60_000;
  return (
    <div class={`countdown${left.over ? " over" : soon ? " soon" : ""}`}>
      <span class="countdown-label">{left.over ? t("overtime") : t("timeLeft")}</span>
      {/* Read once a minute by assistive technology would be noise: the figure itself is not live. */}
      <time class="countdown-value" dateTime={endsAt}>
        {left.over ? `+${left.text}` : left.text}
      </time>
    </div>
  );
}
