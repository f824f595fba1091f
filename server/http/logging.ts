// The logger's options: what may reach the logs. Request lines (debug and trace only) carry the
// method and URL, never the address or headers; errors carry their type, message, code and stack,
// never the extra properties some libraries attach (ioredis puts a failed command's arguments,
// participant ids among them, on its errors). Bodies are never logged.
import type { FastifyServerOptions } from "fastify";

interface LoggedRequest {
  [key: string]: unknown;
  method?: string;
  url?: string;
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function safeRequest(req: { method?: string; url?: string }): LoggedRequest {
  return { method: req.method, url: req.url };
}

export function safeError(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: "a non-Error value was thrown", stack: "" };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    message: err.message,
    stack: err.stack ?? "",
    ...(typeof code === "string" ? { code } : {}),
  };
}

export function loggerOptions(config: {
  logLevel: string;
  logStream?: { write(line: string): void } | undefined;
}): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: ["req.headers.authorization"],
    serializers: { req: safeRequest, err: safeError },
    ...(config.logStream ? { stream: config.logStream } : {}),
  };
}
