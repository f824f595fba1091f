// The error both doors answer: an AppError as it is, anything unexpected as `unavailable`
// (logged here, never shown: no stack trace leaves the server).
import { ERR } from "../../shared/error-catalogue.js";
import { AppError, type ErrorBody, type Lang } from "../../shared/errors.js";

export interface Logger {
  error(obj: unknown, msg?: string): void;
}

export function toAppError(error: unknown, log: Logger): AppError {
  if (error instanceof AppError) return error;
  log.error({ err: error }, "unexpected failure");
  return ERR.unavailable();
}

export const toErrorBody = (error: unknown, lang: Lang, log: Logger): ErrorBody => toAppError(error, log).body(lang);
