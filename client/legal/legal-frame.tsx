// The frame of the privacy and accessibility pages: a header with the way home and the language
// switch, the text, the footer links. Each page has a French and an English address: the French
// one opens in French, and switching the language moves to the other address, so a reload or a
// shared link keeps the language.
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { type Lang, onLangChange, setLang, useLang } from "../lib/i18n";
import { LangSwitch } from "../lib/lang-switch";
import { LegalLinks } from "../lib/legal-links";
import { t } from "./legal-strings";

export interface Addresses {
  fr: string;
  en: string;
}

/** Call before the first render: the French address opens in French, without saving a choice. */
export function langFromAddress(addresses: Addresses): void {
  if (location.pathname === addresses.fr && !new URLSearchParams(location.search).has("lang")) setLang("fr", false);
  onLangChange((lang: Lang) => {
    if (location.pathname !== addresses[lang]) history.replaceState(null, "", addresses[lang] + location.search + location.hash);
  });
}

export function LegalFrame({ title, children }: { title: string; children: ComponentChildren }) {
  useLang();
  useEffect(() => {
    document.title = `${title} · Tribune`;
  }, [title]);
  return (
    <div class="legal">
      <a class="skip vh" href="#main">
        {t("skip")}
      </a>
      <header class="legal-top">
        <a class="brand" href="/" aria-label={t("home")}>
          Tribune
        </a>
        <LangSwitch />
      </header>
      <main id="main" class="legal-main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
      <LegalLinks />
    </div>
  );
}
