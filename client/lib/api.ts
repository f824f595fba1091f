// HTTP calls to the public API, same origin, JSON in and out.
import type { ErrorCode, ErrorDetail } from "../../shared/errors";
import type { RouteAnswer, RouteBody, RouteKey, RouteParams } from "../../shared/protocol";
import { routeMethod, routeUrl } from "../../shared/route-url";
import { getLang } from "./i18n";

/** What went wrong: a contract error code, or `offline` / `timeout` when nothing was answered. */
export class ClientError extends Error {
  constructor(
    readonly code: ErrorCode | "offline" | "timeout",
    message: string,
    readonly retryAfter?: number,
    /** What is wrong where, when a file was refused (a programme import): its lines. */
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "ClientError";
  }

  /** Worth trying again later: nothing was decided by the server. */
  get retryable(): boolean {
    return this.code === "offline" || this.code === "timeout" || this.code === "unavailable" || this.code === "rate_limited";
  }
}

interface ErrorPayload {
  error?: { code?: ErrorCode; message?: string; retryAfter?: number; details?: ErrorDetail[] };
}

/** Calls a route of the protocol table with its parameters; resolves with its answer. */
export async function api<K extends RouteKey>(
  route: K,
  params: RouteParams<K>,
  options: { body?: RouteBody<K>; token?: string; query?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<RouteAnswer<K>> {
  type T = RouteAnswer<K>;
  const method = routeMethod(route);
  const path = routeUrl(route, params) + (options.query ? `?${new URLSearchParams(options.query)}` : "");
  const headers: Record<string, string> = { "accept-language": getLang() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "omit",
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ClientError("offline", "");
  }
  if (res.status === 204) return undefined as T;
  const payload = (await res.json().catch(() => null)) as (T & ErrorPayload) | null;
  if (res.ok) return payload as T;
  const error = payload?.error;
  const retryAfter = Number(res.headers.get("retry-after")) || error?.retryAfter;
  throw new ClientError(error?.code ?? "unavailable", error?.message ?? res.statusText, retryAfter, error?.details);
}

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(
  route: "GET /api/rooms/:code/export.json" | "GET /api/rooms/:code/export.csv",
  params: { code: string },
  token: string,
  filename: string,
): Promise<void> {
  const res = await fetch(routeUrl(route, params), {
    headers: { authorization: `Bearer ${token}`, "accept-language": getLang() },
  }).catch(() => null);
  if (!res) throw new ClientError("offline", "");
  if (!res.ok) {
    const payload = (await res.json().catch(() => null)) as ErrorPayload | null;
    throw new ClientError(payload?.error?.code ?? "unavailable", payload?.error?.message ?? res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
