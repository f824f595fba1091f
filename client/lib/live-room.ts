// A room kept up to date over its socket: state on connect, then poll/results/question/room events.
import { useEffect, useState } from "preact/hooks";
import type { Leaderboard, RoomState } from "../../shared/model";
import { clockOffset } from "./countdown";
import { onLangChange } from "./i18n";
import { applyMessage, applyPoll, applyQuestion, applyResults, applyRoom, type View } from "./room-state";
import { type Link, openSocket, request, type Socket } from "./socket";

export interface Snapshot {
  state: RoomState | null;
  link: Link;
  /** The refusal of the handshake (unknown code, wrong key), in the server's words. */
  refused: string | null;
  /** Seconds a busy server asked to wait before the next try (a join storm), null otherwise. */
  busy: number | null;
  /** Milliseconds to add to this device's clock to read the server's (quiz countdowns). */
  offsetMs: number;
  /** The last quiz leaderboard the room was sent, null until a quiz closes. */
  leaderboard: Leaderboard | null;
}

const EMPTY: Snapshot = { state: null, link: "connecting", refused: null, busy: null, offsetMs: 0, leaderboard: null };

export class LiveRoom {
  readonly socket: Socket;
  snapshot: Snapshot = EMPTY;
  private readonly listeners = new Set<(s: Snapshot) => void>();
  private readonly stopLang: () => void;
  private readonly goneOffline = () => {
    // The device says it has no network at all: stop trying until it has, then reconnect at once.
    this.socket.disconnect();
    this.set({ link: "offline" });
  };
  private readonly backOnline = () => {
    if (!this.socket.connected) this.socket.connect();
  };

  constructor(
    readonly code: string,
    auth: Record<string, unknown>,
    readonly view: View,
    /** Called after every full `state`, e.g. to send what was queued offline. */
    private readonly onState?: (room: LiveRoom) => void,
  ) {
    const socket = openSocket({ code, ...auth });
    this.socket = socket;
    this.stopLang = onLangChange((lang) => {
      socket.auth.lang = lang;
    });
    socket.on("connect", () => this.set({ link: "online", refused: null, busy: null }));
    socket.on("disconnect", () => this.set({ link: navigator.onLine && socket.active ? "connecting" : "offline" }));
    socket.on("connect_error", (err: Error & { retryAfter?: number }) => {
      // A refused handshake is final, unless the server said when to come back (a join storm):
      // the wire tries again then by itself, as after a network failure.
      if (!socket.active) this.set({ link: "offline", refused: err.message || "refused", busy: null });
      else this.set({ link: navigator.onLine ? "connecting" : "offline", busy: err.retryAfter ?? null });
    });
    socket.on("state", (state) => {
      this.set({ state });
      this.syncClock();
      this.onState?.(this);
    });
    socket.on("poll", (poll) => this.update((s) => applyPoll(s, poll, view)));
    socket.on("results", (results) => this.update((s) => applyResults(s, results)));
    socket.on("question", (question) => this.update((s) => applyQuestion(s, question, view)));
    socket.on("room", (room) => this.update((s) => applyRoom(s, room)));
    socket.on("leaderboard", (leaderboard) => this.set({ leaderboard }));
    socket.on("participants", (p) => this.update((s) => ({ ...s, participants: p.participants })));
    socket.on("message", (message) => this.update((s) => applyMessage(s, message)));
    addEventListener("offline", this.goneOffline);
    addEventListener("online", this.backOnline);
  }

  /** Learns the server's clock (after every full state: a reconnection may reach another node). */
  private syncClock(): void {
    const sentAt = Date.now();
    request(this.socket, "clock", {}).then(
      ({ now }) => this.set({ offsetMs: clockOffset(now, sentAt, Date.now()) }),
      () => {}, // the countdown keeps this device's clock meanwhile
    );
  }

  update(change: (state: RoomState) => RoomState): void {
    if (this.snapshot.state) this.set({ state: change(this.snapshot.state) });
  }

  set(part: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...part };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  subscribe(listener: (s: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    this.stopLang();
    removeEventListener("offline", this.goneOffline);
    removeEventListener("online", this.backOnline);
    this.socket.close();
    this.listeners.clear();
  }
}

/** Re-renders on every change of the room. */
export function useSnapshot(room: LiveRoom | null): Snapshot {
  const [snapshot, set] = useState<Snapshot>(room?.snapshot ?? EMPTY);
  useEffect(() => {
    if (!room) return;
    set(room.snapshot);
    return room.subscribe(set);
  }, [room]);
  return snapshot;
}
