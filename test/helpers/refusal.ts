// Runs `fn` and returns the AppError it throws, failing if it does not throw one.
import { expect } from "vitest";
import { AppError } from "../../shared/errors.js";

export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}
