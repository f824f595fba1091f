// Cross-site defences: a foreign Origin is refused on the socket handshake and gets no CORS
// grant over HTTP; a foreign page cannot make a browser vote; security headers on every answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { api, newParticipantId } from "../helpers/clients.js";
import { expectError, getResults, pollBody } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { useServer } from "../helpers/use-server.js";
import { closeAll, connectFrom, ORIGIN } from "./support.js";

const FOREIGN = "https://evil.example";

/** Stand-in pages, so the CSP and the page routes can be checked without building the client. */
const pages = mkdtempSync(join(tmpdir(), "tribune-pages-"));
mkdirSync(join(pages, "assets"));
for (const page of ["index", "moderator", "organizer", "screen"]) {
  writeFileSync(join(pages, `${page}.html`), `<!doctype html><title>${page}</title><script src="/assets/a.js"></script>`);
}
writeFileSync(join(pages, "assets", "a.js"), "console.log(1)");

const server = useServer({ clientDir: pages });
afterAll(() => rmSync(pages, { recursive: true, force: true }));

describe("Socket.IO handshake Origin", () => {
  it("refuses a handshake from a foreign Origin, for every role", async () => {
    const ev = await server.event();
    for (const auth of [
      { code: ev.code, participantId: newParticipantId() },
      { code: ev.code, role: "screen" },
      { code: ev.code, moderatorKey: ev.moderatorKey },
    ]) {
      await expect(connectFrom(server.url, auth, { origin: FOREIGN })).rejects.toThrow();
    }
  });

  it("admits the configured origin, the server's own origin and non-browser clients", async () => {
    const ev = await server.event();
    const own = new URL(server.url).origin;
    const sockets = await Promise.all([
      connectFrom(server.url, { code: ev.code, participantId: newParticipantId() }, { origin: ORIGIN }),
      connectFrom(server.url, { code: ev.code, participantId: newParticipantId() }, { origin: own }),
    ]);
    for (const s of sockets) expect(s.connected).toBe(true);
    closeAll(sockets);
  });
});

describe("HTTP CORS follows ALLOWED_ORIGINS", () => {
  it("grants a preflight from an allowed origin and nothing to a foreign one", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/polls/${poll.id}/votes`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    const foreign = await preflight(FOREIGN);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(foreign.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("lets an allowed origin read public state, and a foreign one gets no grant", async () => {
    const ev = await server.event();
    const ok = await fetch(`${server.url}/api/rooms/${ev.code}`, { headers: { origin: ORIGIN } });
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const foreign = await fetch(`${server.url}/api/rooms/${ev.code}`, { headers: { origin: FOREIGN } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a vote, a question and a moderator action sent by a foreign page (403), and changes nothing", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const headers = { origin: FOREIGN };
    const pid = newParticipantId();
    expectError(
      await api(server.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: pid, choice: 3 }, headers }),
      403,
      "forbidden",
    );
    expectError(
      await api(server.url, "POST", `/api/rooms/${ev.code}/questions`, { body: { participantId: pid, text: "Hi?" }, headers }),
      403,
      "forbidden",
    );
    expectError(
      await api(server.url, "POST", `/api/polls/${poll.id}/close`, { token: ev.moderatorKey, headers }),
      403,
      "forbidden",
    );
    expect((await getResults(server.url, poll.id)).voters).toBe(0);
    // The same requests from the configured origin, or from the server's own pages, pass.
    for (const origin of [ORIGIN, new URL(server.url).origin]) {
      const res = await api(server.url, "POST", `/api/polls/${poll.id}/votes`, {
        body: { participantId: newParticipantId(), choice: 3 },
        headers: { origin },
      });
      expect(res.status).toBe(200);
    }
    expect((await getResults(server.url, poll.id)).voters).toBe(2);
  });
});

describe("security headers", () => {
  it("sends the API's answers, errors included, a policy that loads nothing and no page headers", async () => {
    const { code } = await server.event();
    for (const path of [`/api/rooms/${code}`, "/api/rooms/ZZZZZZ", "/api/nothing-here"]) {
      const res = await fetch(server.url + path);
      expect(res.headers.get("content-security-policy"), path).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expect(res.headers.get("cross-origin-opener-policy")).toBeNull();
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("sends a strict CSP and the usual headers on other answers, errors included; no HSTS over http", async () => {
    for (const path of ["/healthz", "/nothing-here"]) {
      const res = await fetch(server.url + path);
      const csp = res.headers.get("content-security-policy") ?? "";
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
      expect(csp).not.toContain("unsafe");
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("serves the pages under a CSP that allows no inline code and no framing", async () => {
    for (const path of ["/", "/moderator", "/organizer", "/ABCDEF", "/screen/ABCDEF"]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("sends HSTS only when PUBLIC_URL is https", async () => {
    const https = await startServer({ publicUrl: "https://tribune.example", allowedOrigins: ["https://tribune.example"] });
    try {
      for (const path of ["/healthz", "/api/rooms/ZZZZZZ"]) {
        const res = await fetch(https.url + path);
        expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
      }
    } finally {
      await https.close();
    }
  });
});
