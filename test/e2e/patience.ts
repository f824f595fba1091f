// What the browser tests share to wait and to report: a browser needs more patience than
// `expect.poll`'s default second, and an axe finding is read best as one line per rule and node.
import { expect } from "vitest";
import type { AxeViolation } from "./browser.js";

/** `expect.poll` with a patience fit for a browser. */
export const eventually = <T>(fn: () => T | Promise<T>, timeout = 10_000) => expect.poll(fn, { timeout, interval: 50 });

/** Axe findings as text, one rule a line and its nodes under it, for an assertion message. */
export const describeViolations = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
