import type { Link } from "../lib/socket";
import { t, tn } from "./strings";

/** Always present as a live region; visible only when the room is not reachable or something waits. */
export function ConnectionBanner({ link, outbox, started }: { link: Link; outbox: number; started: boolean }) {
  const offline = link !== "online";
  const text = offline
    ? `${link === "offline" ? t("offline") : started ? t("reconnecting") : t("connecting")}${outbox ? ` ${tn("queued", outbox)}` : ""}`
    : outbox
      ? t("sending")
      : "";
  return (
    <div class={`banner${offline ? " off" : ""}${text ? "" : " empty"}`} role="status" data-link={link}>
      {text}
    </div>
  );
}
