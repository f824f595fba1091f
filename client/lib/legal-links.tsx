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

export function LegalLinks({ class: className = "legal-links" }: { class?: string }) {
  const lang = useLang();
  return (
    <footer class={className}>
      <nav aria-label={t("footerLabel")}>
        <a href={lang === "fr" ? "/confidentialite" : "/privacy"}>{t("privacyLink")}</a>
        <a href={lang === "fr" ? "/accessibilite" : "/accessibility"}>{t("accessibilityLink", { status: statusText(lang) })}</a>
      </nav>
    </footer>
  );
}
