// Shared by the end-to-end tests: a built client, a real server on a free port whose PUBLIC_URL
// is its own address, headless Chromium (skipped with a reason outside CI when missing), axe-core.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import type { AppConfig } from "../../server/app.js";
import { requireBinary } from "../helpers/require-binary.js";
import { startServer, type TestServer } from "../helpers/server.js";

const TOP = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
export const CLIENT_DIR = join(TOP, "dist", "client");

/** Path of Chromium, or null (tests skipped) when it is missing outside CI; throws in CI. */
export const CHROMIUM = requireBinary("chromium", ["/usr/bin/chromium"]);

export function ensureClientBuilt(): void {
  if (existsSync(join(CLIENT_DIR, "index.html"))) return;
  execFileSync("npm", ["run", "build:client"], { cwd: TOP, stdio: "inherit" });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A server that serves the built pages, with join links pointing at itself. */
export async function startPageServer(overrides: Partial<AppConfig> = {}): Promise<TestServer> {
  ensureClientBuilt();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  return startServer({ port, publicUrl: origin, allowedOrigins: [origin], clientDir: CLIENT_DIR, ...overrides });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export const PHONE = { width: 360, height: 640 };
export const DESKTOP = { width: 1280, height: 800 };

export interface Watched {
  page: Page;
  /** Page errors, console errors, CSP violations and pages served without a strict CSP. */
  problems: string[];
  /** JavaScript dialogs opened (alert, confirm…): none is expected. */
  dialogs: string[];
}

/** A context (its own storage, so its own participant id), in English unless told otherwise. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: "en-GB", ...options });
}

/**
 * A watched page at `url` in a fresh context, kept in `contexts` for the caller to close. axe-core
 * is injected as a script, which the pages' strict CSP would refuse: the context bypasses it.
 */
export async function openPage(
  browser: Browser,
  contexts: BrowserContext[],
  url: string,
  options: BrowserContextOptions,
): Promise<Page> {
  const context = await newContext(browser, { ...options, bypassCSP: true });
  contexts.push(context);
  const { page } = await watchedPage(context);
  await page.goto(url);
  return page;
}

/** Whether a page's policy forbids inline code and eval, and allows only its own origin. */
export function isStrictCsp(policy: string | undefined): boolean {
  if (!policy) return false;
  return /default-src 'self'/.test(policy) && !/unsafe-inline|unsafe-eval|\*/.test(policy);
}

export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  // Fail a step in seconds with what was awaited, rather than at the test's timeout.
  page.setDefaultTimeout(10_000);
  const watched: Watched = { page, problems: [], dialogs: [] };
  page.on("pageerror", (error) => watched.problems.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.request().resourceType() === "document" && !isStrictCsp(response.headers()["content-security-policy"])) {
      watched.problems.push(`no strict CSP on ${response.url()}`);
    }
  });
  page.on("console", (message) => {
    // A refused socket handshake or an offline fetch is logged by the browser as a network error:
    // that is the network's doing, not the page's.
    if (
      message.type() === "error" &&
      !/ERR_INTERNET_DISCONNECTED|WebSocket connection|Failed to load resource/.test(message.text())
    ) {
      watched.problems.push(`console: ${message.text()}`);
    }
  });
  page.on("dialog", (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watched;
}

const AXE_SOURCE = readFileSync(join(TOP, "node_modules", "axe-core", "axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page for WCAG 2.1 A and AA; returns the violations, described. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`),
    }));
  });
}
