// Triage filters, combinable: status, label, session and "flagged only". They narrow what the
// list shows and what the keys move through; the counts in the section titles follow them.
import type { Question, QuestionStatus, Session } from "../../shared/model";
import { t } from "./strings";
import type { HintMap } from "./triage-hints";

export interface Filters {
  status: QuestionStatus | "";
  label: string;
  /** A session id, CURRENT for the room's current one, "none" for questions asked outside any session, "" for all. */
  session: string;
  flagged: boolean;
}

export const CURRENT = "current";

export const NO_FILTER: Filters = { status: "", label: "", session: "", flagged: false };

const STATUSES: QuestionStatus[] = ["pending", "live", "answered", "rejected", "archived", "merged"];

export const isFiltered = (f: Filters): boolean => f.status !== "" || f.label !== "" || f.session !== "" || f.flagged;

export function passes(q: Question, f: Filters, hints: HintMap, currentSession: string | null): boolean {
  if (f.status && q.status !== f.status) return false;
  if (f.label && !q.labels.includes(f.label)) return false;
  const session = f.session === CURRENT ? (currentSession ?? "none") : f.session;
  if (session && (q.sessionId ?? "none") !== session) return false;
  if (f.flagged && !hints.get(q.id)?.flagged) return false;
  return true;
}

export function TriageFilters({
  filters,
  onChange,
  labels,
  sessions,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  /** Every label the room's questions carry, sorted. */
  labels: string[];
  sessions: Session[];
}) {
  const set = (part: Partial<Filters>) => onChange({ ...filters, ...part });
  return (
    <fieldset class="triage-filters">
      <legend>{t("filters")}</legend>
      <label>
        {t("filterStatus")}
        <select value={filters.status} onChange={(e) => set({ status: e.currentTarget.value as Filters["status"] })}>
          <option value="">{t("filterAll")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filterLabel")}
        <select value={filters.label} onChange={(e) => set({ label: e.currentTarget.value })}>
          <option value="">{t("filterAll")}</option>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {sessions.length > 0 && (
        <label>
          {t("filterSession")}
          <select value={filters.session} onChange={(e) => set({ session: e.currentTarget.value })}>
            <option value="">{t("filterAll")}</option>
            <option value={CURRENT}>{t("filterCurrentSession")}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
            <option value="none">{t("filterNoSession")}</option>
          </select>
        </label>
      )}
      <label class="check">
        <input type="checkbox" checked={filters.flagged} onChange={(e) => set({ flagged: e.currentTarget.checked })} />
        {t("filterFlagged")}
      </label>
      {isFiltered(filters) && (
        <button type="button" class="btn small" onClick={() => onChange(NO_FILTER)}>
          {t("filterClear")}
        </button>
      )}
    </fieldset>
  );
}
