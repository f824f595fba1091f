// One real server per test file (or per describe block): `const server = useServer()` starts it
// before the block's tests, stops it after them, and closes the sockets each test opened.
// It also binds the set-up most tests repeat (an event, an open poll, a socket per role) to this server.
import { afterAll, afterEach, beforeAll } from "vitest";
import type { App, AppConfig } from "../../server/app.js";
import {
  closeSockets,
  createEvent,
  createOpenPoll,
  type EventFixture,
  moderatorSocket,
  participantSocket,
  screenSocket,
} from "./fixtures.js";
import { startServer, type TestServer } from "./server.js";

export interface UsedServer {
  readonly url: string;
  readonly app: App;
  readonly adminToken: string;
  readonly dataDir: string;
  /** An event created by the organizer; `rooms` is a count or a list of names. */
  event(options?: Parameters<typeof createEvent>[1]): Promise<EventFixture>;
  /** A poll created and opened in the event's first room (a single-choice poll unless `body` says otherwise). */
  openPoll(ev: Pick<EventFixture, "moderatorKey" | "code">, body?: Record<string, unknown>): ReturnType<typeof createOpenPoll>;
  /** A participant's socket and its first state (a fresh participant id unless given). */
  participant(code: string, participantId?: string): ReturnType<typeof participantSocket>;
  /** A moderator's socket and its first state. */
  moderator(code: string, moderatorKey: string): ReturnType<typeof moderatorSocket>;
  /** A screen's socket and its first state. */
  screen(code: string): ReturnType<typeof screenSocket>;
}

export function useServer(overrides: Partial<AppConfig> = {}): UsedServer {
  let started: TestServer | null = null;
  beforeAll(async () => {
    started = await startServer(overrides);
  });
  afterAll(async () => {
    await started?.close();
    started = null;
  });
  afterEach(() => closeSockets());

  const running = (): TestServer => {
    if (!started) throw new Error("useServer: the server runs from beforeAll to afterAll; use it inside hooks and tests.");
    return started;
  };
  return {
    get url() {
      return running().url;
    },
    get app() {
      return running().app;
    },
    get adminToken() {
      return running().adminToken;
    },
    get dataDir() {
      return running().dataDir;
    },
    event: (options) => createEvent(running().url, options),
    openPoll: (ev, body) => createOpenPoll(running().url, ev.moderatorKey, ev.code, body),
    participant: (code, participantId) => participantSocket(running().url, code, participantId),
    moderator: (code, moderatorKey) => moderatorSocket(running().url, code, moderatorKey),
    screen: (code) => screenSocket(running().url, code),
  };
}
