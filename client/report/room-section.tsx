// One room of the report: its name, then each of its sessions. In print, a room starts a page.
import type { RoomReport } from "../../shared/model";
import { SessionSection } from "./session-section";
import { t } from "./strings";

export function RoomSection({ report, timeZone }: { report: RoomReport; timeZone?: string | undefined }) {
  const id = `room-${report.room.code}`;
  return (
    <section class="room-report" aria-labelledby={id}>
      <h2 id={id}>
        {report.room.name} <span class="room-code">{report.room.code}</span>
      </h2>
      {report.sessions.length === 0 && <p class="hint">{t("nothing")}</p>}
      {report.sessions.map((s, i) => (
        <SessionSection key={s.session?.id ?? "none"} report={s} id={`${id}-s${i}`} timeZone={timeZone} />
      ))}
    </section>
  );
}
