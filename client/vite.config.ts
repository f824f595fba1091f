// Multi-page build of the front ends into dist/client (served by server/http/pages.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { accessibilityDeclaration } from "./legal/declaration-plugin";

const here = fileURLToPath(new URL(".", import.meta.url));
const outDir = resolve(here, "../dist/client");

/** Writes .gz and .br next to every text asset, so the server sends them without compressing per request. */
function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: "tribune-precompress",
    apply: "build",
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(html|js|css|svg|json)$/.test(file)) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          }),
        );
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: "/",
  publicDir: false,
  plugins: [preact(), accessibilityDeclaration(resolve(here, "../docs/accessibility.md")), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2020",
    // Everything is same-origin under a strict CSP: no data: URIs, no inline code.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    reportCompressedSize: true,
    rollupOptions: {
      output: {
        // One shared chunk for Preact and client/lib, so a phone makes few requests. QR code and
        // console-only helpers stay out of it: the audience page never loads them.
        manualChunks(id) {
          if (/lib\/copy-field|moderator\/console\.css/.test(id)) return "console-kit";
          if (/qrcode|dijkstrajs|encode-utf8|lib\/qr-code|shared\/local-time/.test(id)) return undefined;
          if (/node_modules\/preact|\/client\/lib\/|\/client\/poll-kinds\/|\/client\/styles\/|\/shared\//.test(id))
            return "common";
          return undefined;
        },
      },
      input: {
        index: resolve(here, "index.html"),
        screen: resolve(here, "screen.html"),
        speaker: resolve(here, "speaker.html"),
        poster: resolve(here, "poster.html"),
        moderator: resolve(here, "moderator.html"),
        organizer: resolve(here, "organizer.html"),
        privacy: resolve(here, "privacy.html"),
        accessibility: resolve(here, "accessibility.html"),
        "api-docs": resolve(here, "api-docs.html"),
        report: resolve(here, "report.html"),
      },
    },
  },
});
