import type { Link } from "../lib/socket";
import { t, tn } from "./strings";

/** What the banner says while the room is not reachable: a busy server's wait comes first. */
function notReachable(link: Link, started: boolean, busy: number | null): string {
  if (link === "offline") return t("offline");
  if (busy) return t("busy", { n: busy });
  return started ? t("reconnecting") : t("connecting");
}

/** Always present as a live region; visible only when the room is not reachable or something waits. */
export function ConnectionBanner({
  link,
  outbox,
  started,
  busy,
}: {
  link: Link;
  outbox: number;
  started: boolean;
  /** Seconds a busy server asked to wait before the next try (a join storm), null otherwise. */
  busy: number | null;
}) {
  const offline = link !== "online";
  const text = offline
    ? `${notReachable(link, started, busy)}${outbox ? ` ${tn("queued", outbox)}` : ""}`
    : outbox
      ? t("sending")
      : "";
  return (
    <div class={`banner${offline ? " off" : ""}${text ? "" : " empty"}`} role="status" data-link={link}>
      {text}
    </div>
  );
}
