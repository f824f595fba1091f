import { QrCode } from "../lib/qr-code";
import { t } from "./strings";

export function JoinPanel({ url, code }: { url: string; code: string }) {
  const short = url.replace(/^https?:\/\//, "");
  const slash = short.lastIndexOf("/");
  // As large as the line allows (an address is read letter by letter), broken only before the code.
  const size = `${Math.min(2.6, 44 / Math.max(short.length, 1)).toFixed(2)}em`;
  return (
    <section class="join" aria-labelledby="join-title">
      <QrCode text={url} label={t("qrLabel", { url })} class="qr join-qr" />
      <div class="join-text">
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
