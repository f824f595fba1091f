// The footer of every public page: the privacy notice and the accessibility declaration, whose
// link states the conformity status as RGAA asks. Addresses in the reader's language.
import status from "virtual:accessibility-status";
import { t } from "../legal/legal-strings";
import { useLang } from "./i18n";

const STATUS = {
  fr: { full: "totalement conforme", partial: "partiellement conforme", none: "non conforme" },
  en: { full: "fully compliant", partial: "partially compliant", none: "not compliant" },
} as const;

export const statusText = (lang: "fr" | "en") => STATUS[lang][status];

/** `code`: the room the page is about, so the privacy notice states its event's retention. */
export function LegalLinks({ class: className = "legal-links", code }: { class?: string; code?: string | undefined }) {
  const lang = useLang();
  const query = code ? `?code=${encodeURIComponent(code)}` : "";
  return (
    <footer class={className}>
      <nav aria-label={t("footerLabel")}>
        <a href={`${lang === "fr" ? "/confidentialite" : "/privacy"}${query}`}>{t("privacyLink")}</a>
        <a href={lang === "fr" ? "/accessibilite" : "/accessibility"}>{t("accessibilityLink", { status: statusText(lang) })}</a>
      </nav>
    </footer>
  );
}
