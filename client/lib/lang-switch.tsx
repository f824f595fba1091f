import { otherLang, setLang, useLang } from "./i18n";

/** A visible switch to the other language, labelled in that language. */
export function LangSwitch({ className = "lang-switch" }: { className?: string }) {
  const other = otherLang(useLang());
  return (
    <button type="button" class={className} lang={other.lang} onClick={() => setLang(other.lang)}>
      {other.label}
    </button>
  );
}
