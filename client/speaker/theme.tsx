// Dark or light: the device's preference until the speaker picks one with the switch
// (remembered on this device). The lectern's light is not the projector's.
import { useState } from "preact/hooks";
import { load, save } from "../lib/storage";
import { t } from "./strings";

type Theme = "dark" | "light";
const KEY = "tribune.speakerTheme";

const preferred = (): Theme => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Applies the remembered theme (or none: the device's) before the first render. */
export function applyStoredTheme(): void {
  const stored = load<string | null>(KEY, null);
  if (stored === "dark" || stored === "light") apply(stored);
}

export function ThemeSwitch() {
  const [theme, setTheme] = useState<Theme>(() => {
    const set = document.documentElement.dataset.theme;
    return set === "dark" || set === "light" ? set : preferred();
  });
  const other: Theme = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      class="theme-switch"
      onClick={() => {
        apply(other);
        save(KEY, other);
        setTheme(other);
      }}
    >
      {other === "dark" ? t("themeDark") : t("themeLight")}
    </button>
  );
}
