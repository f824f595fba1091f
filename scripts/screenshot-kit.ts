// What the screenshot scripts share: where the images go, the two sizes, and one shot.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

export const OUT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "docs", "screenshots");
export const PHONE = { width: 360, height: 640 };
export const PROJECTOR = { width: 1920, height: 1080 };

export const pid = (i: number) => `screenshot_participant_${String(i).padStart(4, "0")}`;

/** Opens `url` in French at the given size, waits for `ready`, and saves the shot as `file`. */
export async function shoot(
  browser: Browser,
  options: BrowserContextOptions,
  url: string,
  file: string,
  ready: (page: Page) => Promise<void>,
  fullPage = false,
) {
  const context = await browser.newContext({ locale: "fr-FR", ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(800); // let bars finish their transition
  await page.screenshot({ path: join(OUT, file), fullPage });
  await context.close();
  console.log(`docs/screenshots/${file}`);
}
