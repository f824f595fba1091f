// Vite plugin: `virtual:accessibility-declaration` is docs/accessibility.md parsed at build time
// (the whole Declaration, for the accessibility page), `virtual:accessibility-status` only its
// status (for the footer link of every page, which must say it). A malformed doc fails the build.
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { parseDeclaration } from "./declaration";

const FULL = "virtual:accessibility-declaration";
const STATUS = "virtual:accessibility-status";

export function accessibilityDeclaration(docPath: string): Plugin {
  const read = () => parseDeclaration(readFileSync(docPath, "utf8"));
  return {
    name: "tribune-accessibility-declaration",
    resolveId: (id) => (id === FULL || id === STATUS ? `\0${id}` : null),
    load(id) {
      if (id !== `\0${FULL}` && id !== `\0${STATUS}`) return null;
      this.addWatchFile(docPath);
      const declaration = read();
      return id === `\0${FULL}`
        ? `export default ${JSON.stringify(declaration)};`
        : `export default ${JSON.stringify(declaration.status)};`;
    },
  };
}
