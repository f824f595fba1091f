// The server's error catalogue: every error once, with a status from its code, a sentence in
// both languages, and French typography in the French one.
import { describe, expect, it } from "vitest";
import { ERR } from "../../shared/error-catalogue.js";
import { AppError, ERROR_STATUS } from "../../shared/errors.js";
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

  it("carries the wait of a rate limit, in seconds", () => {
    expect(ERR.tooManyRequests(7).body("fr")).toMatchObject({ code: "rate_limited", retryAfter: 7 });
    expect(ERR.tooManyRequests(7).body("fr").message).toBe("Trop de requêtes. Réessayez dans 7 s.");
  });
});
