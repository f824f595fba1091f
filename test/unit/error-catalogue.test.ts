// The server's error catalogue: every error once, with a status from its code, a sentence in
// both languages, and French typography in the French one.
import { describe, expect, it } from "vitest";
import { ERR } from "../../shared/error-catalogue.js";
import { AppError, ERROR_STATUS } from "../../shared/errors.js";
import { POLL_KIND_NAMES } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { expectSentence } from "../helpers/fixtures.js";
import { checkFrenchTexts } from "../helpers/typography.js";

/** Every error of the catalogue, made with sample arguments. */
const errors: [string, AppError][] = Object.entries(ERR).map(([name, make]) => [
  name,
  (make as (...args: unknown[]) => AppError)("field", "status", "action"),
]);

describe("the error catalogue", () => {
  it.each(errors)("%s has a contract code, and a sentence in English and in French", (_name, error) => {
    expect(error).toBeInstanceOf(AppError);
    expect(ERROR_STATUS[error.code]).toBe(error.status);
    expectSentence(error.text.en);
    expectSentence(error.text.fr);
    expect(error.text.fr).not.toBe(error.text.en);
  });

  it("writes French with narrow no-break spaces and typographic apostrophes", () => {
    expect(checkFrenchTexts(errors.map(([, e]) => e.text.fr))).toEqual([]);
  });

  it("the poll kinds' own refusals are sentences with French typography too", () => {
    const refusals: AppError[] = [];
    const catch_ = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof AppError) refusals.push(error);
      }
    };
    for (const kind of POLL_KIND_NAMES) {
      const rules = POLL_KINDS[kind];
      const poll = { options: ["A", "B", "C"] };
      catch_(() => rules.checkOptions(Array.from({ length: 40 }, (_, i) => `option ${i}`)));
      for (const choice of [null, "x".repeat(500), [9], [0, 0], [], 0, -3, { a: 1 }])
        catch_(() => rules.normalizeChoice(poll, choice));
    }
    expect(refusals.length).toBeGreaterThan(POLL_KIND_NAMES.length);
    for (const error of refusals) {
      expect(error.code).toBe("invalid");
      expectSentence(error.text.en);
      expectSentence(error.text.fr);
    }
    expect(checkFrenchTexts(refusals.map((e) => e.text.fr))).toEqual([]);
  });

  it("carries the wait of a rate limit, in seconds", () => {
    expect(ERR.tooManyRequests(7).body("fr")).toMatchObject({ code: "rate_limited", retryAfter: 7 });
    expect(ERR.tooManyRequests(7).body("fr").message).toBe("Trop de requêtes. Réessayez dans 7 s.");
  });
});
