// Two languages, French and English: the browser's by default, a visible switch, remembered.
import { useEffect, useState } from "preact/hooks";
import { load, save } from "./storage";

export type Lang = "fr" | "en";
const KEY = "tribune.lang";

function detect(): Lang {
  const param = new URLSearchParams(location.search).get("lang");
  if (param === "fr" || param === "en") {
    save(KEY, param);
    return param;
  }
  const stored = load<string | null>(KEY, null);
  if (stored === "fr" || stored === "en") return stored;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const base = tag?.toLowerCase().slice(0, 2);
    if (base === "fr" || base === "en") return base;
  }
  return "en";
}

let current: Lang = detect();
const listeners = new Set<(lang: Lang) => void>();
document.documentElement.lang = current;

export const getLang = (): Lang => current;

/** Switches the language; `remember: false` when the page's address chose it, not the person. */
export function setLang(lang: Lang, remember = true): void {
  if (lang === current) return;
  current = lang;
  if (remember) save(KEY, lang);
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Re-renders the calling component when the language changes. */
export function useLang(): Lang {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    set(current);
    return () => {
      listeners.delete(set);
    };
  }, []);
  return lang;
}

export type Dict = Record<string, string>;
export type Translate<D extends Dict> = (key: keyof D & string, vars?: Record<string, string | number>) => string;

/**
 * Builds a translator for a page's dictionaries. A key ending in `_one` / `_other` pair is picked
 * by `tn` from a count (French treats 0 and 1 as singular).
 */
export function translator<D extends Dict>(dicts: Record<Lang, D>) {
  const t: Translate<D> = (key, vars) => {
    let text = dicts[current][key] ?? dicts.en[key] ?? key;
    if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
  const tn = (key: string, n: number, vars?: Record<string, string | number>): string => {
    const one = current === "fr" ? n < 2 : n === 1;
    return t(`${key}_${one ? "one" : "other"}` as keyof D & string, { n: fmt(n), ...vars });
  };
  return { t, tn };
}

const locale = () => (current === "fr" ? "fr-FR" : "en-GB");

/** Formatters made once per language and shape: making one costs a hundred times a format (a report formats thousands). */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number | null): Intl.NumberFormat {
  const key = `${locale()} ${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(), digits === null ? {} : { style: "percent", maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

export const fmt = (n: number): string => numberFormat(null).format(n);
/** A percentage, written the way the language writes it ("12 %" in French, "12%" in English); whole unless told. */
export const fmtPercent = (pct: number, digits = 0): string => numberFormat(digits).format(pct / 100);

/** The name of the other language, written in that language. */
export const otherLang = (lang: Lang): { lang: Lang; label: string } =>
  lang === "fr" ? { lang: "en", label: "English" } : { lang: "fr", label: "Français" };
