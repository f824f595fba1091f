// Error codes, the same over HTTP and Socket.IO.
export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  too_large: 413,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type Lang = "en" | "fr";

/** A sentence a person can act on, in both languages. */
export interface Message {
  en: string;
  fr: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before retrying, for rate_limited and a busy node's unavailable. */
  retryAfter?: number;
  /** What is wrong where, for a file refused as a whole (a programme import): its lines. */
  details?: ErrorDetail[];
  /** A free value to offer instead (a taken nickname's suggestion). */
  suggestion?: string;
}

export interface ErrorDetail {
  line: number;
  message: string;
}

/** A detail in both languages, as the server keeps it until it knows the caller's. */
export interface LineMessage {
  line: number;
  message: Message;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Message,
    readonly retryAfter?: number,
    readonly details?: LineMessage[],
    readonly suggestion?: string,
  ) {
    super(text.en);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  body(lang: Lang = "en"): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.text[lang] };
    if (this.retryAfter !== undefined) body.retryAfter = this.retryAfter;
    if (this.details !== undefined) body.details = this.details.map((d) => ({ line: d.line, message: d.message[lang] }));
    if (this.suggestion !== undefined) body.suggestion = this.suggestion;
    return body;
  }
}

export const fail = (code: ErrorCode, en: string, fr: string, retryAfter?: number): AppError =>
  new AppError(code, { en, fr }, retryAfter);

/** Picks French when the client prefers it, English otherwise. */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return "en";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("fr") ? "fr" : "en";
}
