import type { RoomState } from "../../shared/model";
import { CopyField } from "../lib/copy-field";
import { joinUrl } from "../lib/room-state";
import { t } from "./strings";

export function RoomLinks({ state }: { state: RoomState }) {
  const audience = joinUrl(state.room);
  const screen = `${new URL(audience).origin}/screen/${state.room.code}`;
  const copy = { copyLabel: t("copy"), copiedLabel: t("copied"), failedLabel: t("copyFailed") };
  return (
    <section class="panel" aria-labelledby="links-title">
      <h3 id="links-title">{t("links")}</h3>
      <CopyField label={t("audienceLink")} value={audience} {...copy} />
      <CopyField label={t("screenLink")} value={screen} {...copy} />
      <a class="btn" href={`/screen/${state.room.code}`} target="_blank" rel="noopener">
        {t("openScreen")}
      </a>
    </section>
  );
}
