// The first hour of an operator: a wrong admin token named as such, a real "not found" page,
// pre-moderation per event, the demo in one language, and the start's own refusals and banner.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemo } from "../../server/demo.js";
import { api } from "../helpers/clients.js";
import { ADMIN_TOKEN, ask, createEvent, expectError, moderationState, publicState } from "../helpers/fixtures.js";
import { startServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startServer();
  url = server.url;
});
afterAll(async () => {
  await server?.close();
});

const fr = { "accept-language": "fr-FR,fr;q=0.9" };

describe("a wrong organizer token", () => {
  it("is answered as a wrong admin token on POST /api/events, never as a moderator key", async () => {
    for (const headers of [{}, fr]) {
      const res = await api(url, "POST", "/api/events", {
        token: "not-the-admin-token-at-all",
        headers,
        body: { title: "T", rooms: [{ name: "R" }] },
      });
      expectError(res, 401, "unauthorized");
      expect(res.body.error.message).toMatch(/admin token|jeton d’administration/);
      expect(res.body.error.message).not.toMatch(/moderator|modération/i);
    }
  });

  it("is named as the admin token when it is missing on an organizer route", async () => {
    const res = await api(url, "POST", "/api/events", { body: { title: "T", rooms: [{ name: "R" }] } });
    expectError(res, 401, "unauthorized");
    expect(res.body.error.message).toMatch(/admin token/);
  });

  it("is a wrong admin token when erasing an event, while moderator routes still speak of the moderator key", async () => {
    const event = await createEvent(url);
    const erase = await api(url, "DELETE", `/api/events/${event.eventId}`, { token: "wrong-token-0123456789" });
    expectError(erase, 401, "unauthorized");
    expect(erase.body.error.message).toMatch(/admin token/);
    const read = await api(url, "GET", `/api/events/${event.eventId}`, { token: "wrong-token-0123456789" });
    expectError(read, 401, "unauthorized");
    expect(read.body.error.message).toMatch(/moderator key/);
  });
});

describe("a page that does not exist", () => {
  const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

  it("answers 404 with an HTML page in French to a French browser, linking home", async () => {
    const res = await fetch(`${url}/organiser`, { headers: { ...html, ...fr } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const body = await res.text();
    expect(body).toMatch(/<html lang="fr">/);
    expect(body).toContain("Cette page n’existe pas");
    expect(body).toContain('href="/"');
    expect(body).not.toMatch(/"error"/);
    // Nothing to load: no script, no external stylesheet or font.
    expect(body).not.toMatch(/<script|<link|https?:\/\//);
  });

  it("answers in English otherwise, for any unknown page, even a mistyped room code", async () => {
    for (const path of ["/nope", "/ABC", "/screen/12", "/moderator/extra"]) {
      const res = await fetch(`${url}${path}`, { headers: { ...html, "accept-language": "en-GB,en" } });
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body).toMatch(/<html lang="en">/);
      expect(body).toContain("This page does not exist");
    }
  });

  it("keeps JSON for API paths and for clients that do not ask for HTML", async () => {
    const apiPath = await api(url, "GET", "/api/nothing", { headers: { ...html, ...fr } });
    expectError(apiPath, 404, "not_found");
    expect(apiPath.headers.get("content-type")).toMatch(/json/);
    const script = await api(url, "GET", "/nope");
    expectError(script, 404, "not_found");
  });
});

describe("pre-moderation per event", () => {
  const create = (body: Record<string, unknown>) => api(url, "POST", "/api/events", { token: ADMIN_TOKEN, body });

  it("is off by default, and GET /api/events/:id shows it", async () => {
    const event = await createEvent(url);
    const res = await api(url, "GET", `/api/events/${event.eventId}`, { token: event.moderatorKey });
    expect(res.status).toBe(200);
    expect(res.body.premoderation).toBe(false);
    expect((await publicState(url, event.code)).room.premoderation).toBe(false);
  });

  it("with premoderation: true, every room and every room added later holds questions for approval", async () => {
    const res = await create({ title: "Moderated", premoderation: true, rooms: [{ name: "A" }, { name: "B" }] });
    expect(res.status).toBe(201);
    const { id, moderatorKey, rooms } = res.body;
    for (const room of rooms) expect((await publicState(url, room.code)).room.premoderation).toBe(true);
    const added = await api(url, "POST", `/api/events/${id}/rooms`, { token: moderatorKey, body: { name: "C" } });
    expect(added.status).toBe(201);
    expect((await publicState(url, added.body.code)).room.premoderation).toBe(true);
    const asked = await ask(url, added.body.code, "Held for approval?");
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe("pending");
    expect((await api(url, "GET", `/api/events/${id}`, { token: moderatorKey })).body.premoderation).toBe(true);
  });

  it("PATCH /api/events/:id sets it for rooms added later, leaving existing rooms as they are", async () => {
    const event = await createEvent(url, { rooms: 1 });
    const patched = await api(url, "PATCH", `/api/events/${event.eventId}`, {
      token: event.moderatorKey,
      body: { premoderation: true },
    });
    expect(patched.status).toBe(200);
    const got = await api(url, "GET", `/api/events/${event.eventId}`, { token: event.moderatorKey });
    expect(patched.body).toEqual(got.body);
    expect(got.body.premoderation).toBe(true);
    expect((await publicState(url, event.code)).room.premoderation).toBe(false);
    const added = await api(url, "POST", `/api/events/${event.eventId}/rooms`, {
      token: event.moderatorKey,
      body: { name: "Late" },
    });
    expect((await publicState(url, added.body.code)).room.premoderation).toBe(true);
  });

  it("PATCH /api/events/:id renames the event; its rooms show the new title", async () => {
    const event = await createEvent(url, { rooms: 2 });
    const res = await api(url, "PATCH", `/api/events/${event.eventId}`, { token: ADMIN_TOKEN, body: { title: "  Renamed  " } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: event.eventId, title: "Renamed", premoderation: false });
    expect(res.body.rooms).toHaveLength(2);
    for (const room of event.rooms) {
      expect((await publicState(url, room.code)).room.eventTitle).toBe("Renamed");
      expect((await moderationState(url, event.moderatorKey, room.code)).room.eventTitle).toBe("Renamed");
    }
  });

  it("refuses in the contract's order: 401, 404, 403, 400, and an invalid body changes nothing", async () => {
    const event = await createEvent(url);
    const other = await createEvent(url);
    const path = `/api/events/${event.eventId}`;
    expectError(await api(url, "PATCH", path, { body: { premoderation: true } }), 401, "unauthorized");
    expectError(await api(url, "PATCH", path, { token: "wrong-key-0123456789", body: {} }), 401, "unauthorized");
    expectError(await api(url, "PATCH", "/api/events/nope", { token: event.moderatorKey, body: { title: 1 } }), 404, "not_found");
    expectError(await api(url, "PATCH", path, { token: other.moderatorKey, body: { title: 1 } }), 403, "forbidden");
    for (const body of [{ premoderation: "yes" }, { title: "" }, { title: "x".repeat(201) }, { title: "ok", premoderation: 1 }]) {
      expectError(await api(url, "PATCH", path, { token: event.moderatorKey, body }), 400, "invalid");
    }
    const after = await api(url, "GET", path, { token: event.moderatorKey });
    expect(after.body).toMatchObject({ title: event.title, premoderation: false });
  });

  it("refuses a premoderation that is not a boolean at creation", async () => {
    expectError(await create({ title: "T", premoderation: "on", rooms: [{ name: "R" }] }), 400, "invalid");
  });
});

describe("the demo", () => {
  const french = /[éèàùç]|Congrès|Voiture|journée/;

  it("is in English with DEMO_LANG=en, and in French by default, never both in one title", async () => {
    for (const lang of ["en", "fr"] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), "tribune-demo-"));
      try {
        const demo = await ensureDemo(server.app.tribune, dataDir, lang);
        const titles = [demo.title, ...demo.rooms.map((r) => r.name)];
        // The day comes from the example programme: four rooms, seven sessions, polls prepared for some.
        const programme = (await api(url, "GET", `/api/programme/${demo.rooms[0]!.code}`)).body;
        expect(programme.rooms).toHaveLength(4);
        expect(programme.sessions).toHaveLength(7);
        titles.push(...programme.sessions.map((s: { title: string }) => s.title));
        for (const room of demo.rooms) {
          const all = await api(url, "GET", `/api/rooms/${room.code}/moderation?session=all`, { token: demo.moderatorKey });
          for (const poll of all.body.polls) titles.push(poll.title, ...poll.options);
        }
        for (const text of titles) {
          expect(text).not.toContain(" / ");
          if (lang === "en") expect(text).not.toMatch(french);
        }
        if (lang === "fr") expect(titles).toContain("Comment venez-vous au travail\u202f?");
        expect(titles.filter((t) => /travail|work\?/.test(t))).toHaveLength(1);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });
});

/** Runs the real start (server/main.ts) until it prints its banner, fails or the time runs out. */
function start(env: Record<string, string>, until: RegExp | null): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const stop = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (until?.test(out)) child.kill("SIGTERM");
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("exit", (code) => {
      clearTimeout(stop);
      resolve({ code, out, err });
    });
  });
}

describe.skipIf(process.env.TEST_STORE === "redis")("the start", () => {
  it("stops with one line naming DATA_DIR and exit code 1 when DATA_DIR cannot be made", async () => {
    const { code, out, err } = await start({ DATA_DIR: "/proc/tribune-nowhere/data" }, null);
    expect(code).toBe(1);
    expect(out).toBe("");
    const lines = err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tribune: Invalid DATA_DIR: .*\/proc\/tribune-nowhere\/data/);
  });

  it("says where the admin token is on a second start, and warns when PUBLIC_URL is loopback", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tribune-start-"));
    const env = { DATA_DIR: dataDir, PUBLIC_URL: "http://localhost:3000" };
    try {
      const first = await start(env, /Create an event/);
      expect(first.out).toMatch(/Admin token \(shown once, kept in .*admin-token\): \S+/);
      expect(first.out).toMatch(/WARNING: http:\/\/localhost:3000 is reachable from this machine only/);
      expect(first.out).toContain("Set PUBLIC_URL");
      const second = await start(env, /Create an event/);
      expect(second.out).toContain(`Admin token: in ${dataDir}/admin-token`);
      expect(second.out).not.toMatch(/shown once/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
