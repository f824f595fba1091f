import type { RoomState } from "../../shared/model";
import { CopyField } from "../lib/copy-field";
import { useLang } from "../lib/i18n";
import { joinUrl } from "../lib/room-state";
import { t } from "./strings";

export function RoomLinks({ state }: { state: RoomState }) {
  // The screen opens in the console's language (it has no one to ask).
  const lang = useLang();
  const audience = joinUrl(state.room);
  const screen = `${new URL(audience).origin}/screen/${state.room.code}?lang=${lang}`;
  const copy = { copyLabel: t("copy"), copiedLabel: t("copied"), failedLabel: t("copyFailed") };
  return (
    <section class="panel" aria-labelledby="links-title">
      <h3 id="links-title">{t("links")}</h3>
      <CopyField label={t("audienceLink")} value={audience} {...copy} />
      <CopyField label={t("screenLink")} value={screen} {...copy} />
      <p class="row">
        <a class="btn" href={`/screen/${state.room.code}?lang=${lang}`} target="_blank" rel="noopener">
          {t("openScreen")}
        </a>
        <a class="btn" href={`/poster/${state.room.code}?lang=${lang}`} target="_blank" rel="noopener">
          {t("roomPoster")}
        </a>
      </p>
    </section>
  );
}
