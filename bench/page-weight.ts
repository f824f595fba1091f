// Weight of each page's first load, from the built files: the HTML, plus every script,
// module preload and stylesheet it references, plus the static imports of those scripts,
// each gzipped (level 9) as the server sends them, and the number of requests that makes
// (the favicon and the page's own API calls counted, the socket not). Budget of the audience page: 30 KB.
//   npx tsx bench/page-weight.ts          (after `npm run build:client`)
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 30 * 1024;
const TOP = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
export const CLIENT_DIR = join(TOP, "dist", "client");

export interface PageWeight {
  page: string;
  files: { path: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  budget: number;
  /** HTTP requests of the first load: the files, the favicon and the page's API calls. */
  requests: number;
}

/** API calls a page makes as it opens, before any socket (the audience room's state comes by socket). */
const API_CALLS: Record<string, number> = { "privacy.html": 1, "accessibility.html": 1, "report.html": 1 };

/** Local asset URLs an HTML page loads at once: scripts, module preloads, stylesheets. */
function htmlRefs(html: string): string[] {
  const refs: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isLink = tag.startsWith("<link");
    if (isLink && !/rel="(stylesheet|modulepreload)"/.test(tag)) continue;
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (url?.startsWith("/")) refs.push(url);
  }
  return refs;
}

/** Static imports of a built ES module (`import"./x.js"`, `from"./x.js"`), resolved to URLs. */
function jsImports(code: string, url: string): string[] {
  const base = url.slice(0, url.lastIndexOf("/") + 1);
  const found: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const spec = m[1]!;
    found.push(spec.startsWith("/") ? spec : new URL(spec, `http://x${base}`).pathname);
  }
  return found;
}

export function measurePage(htmlFile = "index.html", clientDir = CLIENT_DIR): PageWeight {
  const htmlPath = join(clientDir, htmlFile);
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: run npm run build:client first`);
  const seen = new Set<string>();
  const files: PageWeight["files"] = [];
  const add = (path: string, data: Buffer) => files.push({ path, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length });
  const html = readFileSync(htmlPath);
  add(`/${htmlFile}`, html);
  const text = html.toString("utf8");
  const queue = htmlRefs(text);
  const favicon = /<link\b[^>]*rel="icon"[^>]*>/.test(text) ? 1 : 0;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const data = readFileSync(join(clientDir, url));
    add(url, data);
    if (url.endsWith(".js")) queue.push(...jsImports(data.toString("utf8"), url));
  }
  const sum = (k: "bytes" | "gzip") => files.reduce((n, f) => n + f[k], 0);
  const requests = files.length + favicon + (API_CALLS[htmlFile] ?? 0);
  return { page: htmlFile, files, bytes: sum("bytes"), gzip: sum("gzip"), budget: BUDGET_BYTES, requests };
}

/** The audience page's first load, gzip bytes (for the bench harness). */
export function audiencePageWeight(clientDir = CLIENT_DIR): number {
  return measurePage("index.html", clientDir).gzip;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pages = [
    "index.html",
    "screen.html",
    "moderator.html",
    "organizer.html",
    "privacy.html",
    "accessibility.html",
    "report.html",
  ].filter((p) => existsSync(join(CLIENT_DIR, p)));
  for (const page of pages) {
    const w = measurePage(page);
    console.log(`${page}: ${kb(w.gzip)} gzip (${kb(w.bytes)} raw) in ${w.files.length} files, ${w.requests} requests`);
    for (const f of w.files) console.log(`  ${f.path.padEnd(40)} ${kb(f.gzip).padStart(9)} gzip ${kb(f.bytes).padStart(9)} raw`);
  }
  const audience = audiencePageWeight();
  const ok = audience <= BUDGET_BYTES;
  console.log(
    `\naudience page first load: ${kb(audience)} gzip (${audience} bytes), budget ${kb(BUDGET_BYTES)}: ${ok ? "within" : "OVER"}`,
  );
  if (!ok) process.exitCode = 1;
}
