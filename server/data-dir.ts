// DATA_DIR is made here, one level at a time. Node's mkdirSync({recursive: true}) loops forever
// (100 % CPU) when mkdir answers ENOENT although the parent exists, as it does under /proc: the
// start must instead stop with one line naming DATA_DIR.
import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "./config.js";

function makeDir(path: string): void {
  try {
    mkdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      if (!statSync(path).isDirectory()) throw new Error(`${path} exists and is not a directory`);
      return;
    }
    const parent = dirname(path);
    if (code !== "ENOENT" || parent === path) throw error;
    makeDir(parent);
    mkdirSync(path); // a second ENOENT is final: no retry, no loop
  }
}

/** Creates DATA_DIR if needed and checks it is writable; else a ConfigError naming DATA_DIR. */
export function ensureDataDir(dir: string): void {
  try {
    makeDir(resolve(dir));
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`Invalid DATA_DIR: cannot create or write ${dir} (${reason})`);
  }
}
