// Upload (or paste) a programme, see what it will do (a dry run of the same request), then confirm.
// A refused file lists its lines; nothing is written until the moderator confirms a clean preview.
import { useState } from "preact/hooks";
import "./import-panel.css";
import { LIMITS } from "../../shared/limits";
import type { ProgrammeImport } from "../../shared/model";
import { api, ClientError } from "../lib/api";
import { useLang } from "../lib/i18n";
import { slot } from "../lib/session-time";
import { t } from "./strings";

type Format = "csv" | "frab";
type Step =
  | { kind: "idle" }
  | { kind: "busy"; text: string }
  | { kind: "preview"; result: ProgrammeImport }
  | { kind: "errors"; message: string; lines: string[] }
  | { kind: "done"; result: ProgrammeImport };

/** A JSON file (by its name, or text that opens an object) is a frab/pretalx schedule; anything else CSV. */
const formatOf = (name: string, text: string): Format =>
  name.toLowerCase().endsWith(".json") || text.trimStart().startsWith("{") ? "frab" : "csv";

const counts = (r: ProgrammeImport) => ({
  roomsCreated: r.rooms.created,
  roomsExisting: r.rooms.existing,
  ...r.sessions,
});

export function ImportPanel({
  eventId,
  token,
  timeZone,
  idPrefix = "import",
  onImported,
}: {
  eventId: string;
  token: string;
  timeZone: string;
  idPrefix?: string;
  onImported?: () => void;
}) {
  useLang();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  const [step, setStep] = useState<Step>({ kind: "idle" });

  async function send(dryRun: boolean) {
    if (!text.trim()) return setStep({ kind: "errors", message: t("empty"), lines: [] });
    if (new Blob([text]).size > LIMITS.programmeBytes) return setStep({ kind: "errors", message: t("tooLarge"), lines: [] });
    setStep({ kind: "busy", text: dryRun ? t("previewing") : t("importing") });
    try {
      const body = { format: formatOf(fileName, text), data: text, dryRun };
      const result = await api("POST /api/events/:id/programme", { id: eventId }, { token, body });
      setStep(dryRun ? { kind: "preview", result } : { kind: "done", result });
      if (!dryRun) onImported?.();
    } catch (error) {
      const message = error instanceof ClientError && error.message ? error.message : String(error);
      const lines = (error instanceof ClientError && error.details) || [];
      setStep({ kind: "errors", message, lines: lines.map((d) => t("lineError", { line: d.line, message: d.message })) });
    }
  }

  async function pick(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > LIMITS.programmeBytes) return setStep({ kind: "errors", message: t("tooLarge"), lines: [] });
    setFileName(file.name);
    setText(await file.text());
    setStep({ kind: "idle" });
  }

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <section class="panel import-panel" aria-labelledby={id("title")}>
      <h2 id={id("title")}>{t("title")}</h2>
      <p class="hint">{t("lead", { zone: timeZone })}</p>
      <div class="field">
        <label for={id("file")}>{t("file")}</label>
        <input
          id={id("file")}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => void pick(e.currentTarget)}
        />
      </div>
      <div class="field">
        <label for={id("paste")}>{t("paste")}</label>
        <textarea
          id={id("paste")}
          rows={4}
          value={text}
          spellcheck={false}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setFileName("");
            setStep({ kind: "idle" });
          }}
        />
      </div>
      <div class="row">
        <button type="button" class="btn" onClick={() => void send(true)} disabled={step.kind === "busy"}>
          {t("preview")}
        </button>
        {step.kind === "preview" && (
          <button type="button" class="btn primary" onClick={() => void send(false)}>
            {t("confirm")}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {step.kind === "busy" && <p class="hint">{step.text}</p>}
        {step.kind === "done" && <p class="notice ok">{t("done", counts(step.result))}</p>}
      </div>
      {step.kind === "errors" && (
        <div class="import-errors" role="alert">
          <p class="error">{step.lines.length > 0 ? t("errorsTitle") : step.message}</p>
          {step.lines.length > 0 && (
            <ul>
              {step.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {step.kind === "preview" && <Preview result={step.result} timeZone={timeZone} />}
    </section>
  );
}

function Preview({ result, timeZone }: { result: ProgrammeImport; timeZone: string }) {
  const changes = result.sessions.created + result.sessions.updated + result.rooms.created;
  return (
    <div class="import-preview">
      <p class="notice">{changes === 0 ? t("nothingToDo") : t("summary", counts(result))}</p>
      {/* It may scroll sideways on a phone: focusable, so a keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus (WCAG 2.1.1) */}
      <section class="table-scroll" tabIndex={0} aria-label={t("previewCaption")}>
        <table>
          <caption class="vh">{t("previewCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colLine")}</th>
              <th scope="col">{t("colRoom")}</th>
              <th scope="col">{t("colTitle")}</th>
              <th scope="col">{t("colTime")}</th>
              <th scope="col">{t("colChange")}</th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((l) => (
              <tr key={l.line} class={`change-${l.change}`}>
                <td class="num">{l.line}</td>
                <td>
                  {l.room}
                  {l.newRoom && <span class="badge draft"> {t("newRoom")}</span>}
                </td>
                <td>
                  {l.title}
                  {l.speakers.length > 0 && <span class="hint speakers"> · {l.speakers.join(", ")}</span>}
                </td>
                <td class="nowrap">{slot(l, timeZone)}</td>
                <td>
                  <span class={`badge ${l.change === "unchanged" ? "" : l.change === "create" ? "live" : "draft"}`}>
                    {t(`change_${l.change}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
