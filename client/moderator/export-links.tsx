import { download } from "../lib/api";
import { announce, errorText } from "./announce";
import { t } from "./strings";

/** A report page with the key in its fragment: the fragment never reaches the server or its logs. */
export const reportUrl = (path: string, key: string): string => `${path}#key=${encodeURIComponent(key)}`;

export function ExportLinks({ code, moderatorKey }: { code: string; moderatorKey: string }) {
  const get = (ext: "csv" | "json") =>
    download(`GET /api/rooms/:code/export.${ext}`, { code }, moderatorKey, `tribune-${code}.${ext}`).catch((e) =>
      announce(errorText(e), true),
    );
  return (
    <section class="panel" aria-labelledby="export-title">
      <h3 id="export-title">{t("export")}</h3>
      <p class="hint">{t("exportLead")}</p>
      <div class="row">
        <button type="button" class="btn" onClick={() => void get("csv")}>
          {t("exportCsv")}
        </button>
        <button type="button" class="btn" onClick={() => void get("json")}>
          {t("exportJson")}
        </button>
        <a class="btn" href={reportUrl(`/report/${code}`, moderatorKey)} target="_blank" rel="noopener">
          {t("roomReport")}
        </a>
      </div>
    </section>
  );
}
