// The security headers of every answer, built once rather than per request: the API's are fixed,
// the pages' are fixed but for the CSP's `connect-src`, which names the request's own host for
// WebSockets, and are built once per Host.
// Same headers as helmet sends with our options (a strict CSP, no framing, no sniffing, no
// referrer, cross-origin isolation of resources, HSTS only when PUBLIC_URL is https).

/** One year, without subdomains or preload: those commit the operator's whole domain. */
const HSTS_SECONDS = 365 * 24 * 60 * 60;

/** Distinct Host values kept; past it (a client inventing hosts) headers are built per request. */
const MAX_HOSTS = 64;

/** WebSockets of the request's own host, for browsers whose 'self' does not cover ws: and wss:. */
function socketSources(host: string | undefined): string {
  return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `ws://${host} wss://${host}` : "";
}

/** The policy of the pages and every other answer outside the API (default-src 'self', no inline code, no framing). */
function pageCsp(host: string | undefined): string {
  const sockets = socketSources(host);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${sockets ? ` ${sockets}` : ""}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join(";");
}

export type HeaderList = readonly (readonly [string, string])[];

/** The headers that do not depend on the request. */
function fixedHeaders(https: boolean): HeaderList {
  return [
    ["cross-origin-opener-policy", "same-origin"],
    ["cross-origin-resource-policy", "same-origin"],
    ["origin-agent-cluster", "?1"],
    ["referrer-policy", "no-referrer"],
    ...(https ? [["strict-transport-security", `max-age=${HSTS_SECONDS}`] as const] : []),
    ["x-content-type-options", "nosniff"],
    ["x-dns-prefetch-control", "off"],
    ["x-download-options", "noopen"],
    ["x-frame-options", "DENY"],
    ["x-permitted-cross-domain-policies", "none"],
    ["x-xss-protection", "0"],
  ];
}

/**
 * The headers of the JSON API (`/api/…`), fewer and fixed: a policy only matters where a browser
 * renders a document, so an API answer says "load nothing, never framed, never sniffed" and
 * leaves the page headers out. The room's state is the hottest answer of a plenary: each header
 * is one more `setHeader` and bytes on every answer.
 */
function apiHeaders(https: boolean): HeaderList {
  return [
    ["content-security-policy", "default-src 'none';frame-ancestors 'none'"],
    ["cross-origin-resource-policy", "same-origin"],
    ["referrer-policy", "no-referrer"],
    ...(https ? [["strict-transport-security", `max-age=${HSTS_SECONDS}`] as const] : []),
    ["x-content-type-options", "nosniff"],
    ["x-frame-options", "DENY"],
  ];
}

/** Returns the headers for a request's path and Host, the pages' from a small per-host memo. */
export function securityHeaders(https: boolean): (url: string, host: string | undefined) => HeaderList {
  const fixed = fixedHeaders(https);
  const api = apiHeaders(https);
  const byHost = new Map<string, HeaderList>();
  const build = (host: string | undefined): HeaderList => [["content-security-policy", pageCsp(host)], ...fixed];
  return (url, host) => {
    if (url.startsWith("/api/")) return api;
    const key = host ?? "";
    const known = byHost.get(key);
    if (known) return known;
    const headers = build(host);
    if (byHost.size < MAX_HOSTS) byHost.set(key, headers);
    return headers;
  };
}
