// For latecomers while a poll or a question fills the screen: a small QR code, the address and
// the room code in the header's corner, legible from the back and out of the content's way.
import { QrCode } from "../lib/qr-code";
import { t } from "./strings";

export function CornerJoin({ url, code }: { url: string; code: string }) {
  return (
    <aside class="corner-join" aria-label={t("latecomers")}>
      <QrCode text={url} label={t("qrLabel", { url })} class="qr corner-qr" />
      <div class="corner-text">
        <p class="corner-lead">{t("joinAt")}</p>
        <p class="corner-url">{url.replace(/^https?:\/\//, "")}</p>
        <p class="corner-code">
          <span class="corner-code-label">{t("code")}</span> {code}
        </p>
      </div>
    </aside>
  );
}
