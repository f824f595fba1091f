// A small Socket.IO client (protocol v5 over Engine.IO v4, WebSocket transport only), for the
// default namespace and JSON payloads: what the three pages need, in a fraction of the weight of
// socket.io-client (the audience page has a 30 KB budget). It reconnects by itself with backoff,
// answers the server's heartbeats, and treats a silent connection as dead.
//
// Engine.IO packets: 0 open, 1 close, 2 ping, 3 pong, 4 message.
// Socket.IO packets (inside a message): 0 connect, 1 disconnect, 2 event, 3 ack, 4 connect error.

import type { ServerToClient } from "../../shared/protocol";

type Listener = (arg: never) => void;

/** What a page may listen to: the server's events of the protocol table, and the connection's own. */
export type WireEvents = ServerToClient & {
  connect: () => void;
  disconnect: (reason: DisconnectReason) => void;
  /** `retryAfter`: seconds the server asked to wait; the wire tries again then by itself. */
  connect_error: (err: Error & { retryAfter?: number }) => void;
};

/** A packet this client cannot read (binary, malformed) is ignored; the connection stays. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type DisconnectReason = "io server disconnect" | "io client disconnect" | "transport close" | "ping timeout";

export class Wire {
  connected = false;
  /** False once a handshake was refused or the page closed the connection: no more retries. */
  active = true;
  private ws: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly acks = new Map<number, (reply: unknown) => void>();
  private nextAck = 0;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceLimit = 45_000;
  private lastHeard = 0;

  constructor(
    public auth: Record<string, unknown>,
    private readonly path = "/socket.io/",
  ) {
    document.addEventListener("visibilitychange", this.onVisible);
    this.open();
  }

  on<E extends keyof WireEvents>(event: E, listener: WireEvents[E]): void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, set);
    set.add(listener as Listener);
  }

  off<E extends keyof WireEvents>(event: E, listener: WireEvents[E]): void {
    this.listeners.get(event)?.delete(listener as Listener);
  }

  /** Sends an event and calls `reply` with the acknowledgement, or with an Error after `ms`. */
  emit(event: string, payload: unknown, reply: (err: Error | null, ack?: unknown) => void, ms = 10_000): void {
    if (!this.connected) {
      reply(new Error("offline"));
      return;
    }
    const id = this.nextAck++;
    const timer = setTimeout(() => {
      this.acks.delete(id);
      reply(new Error("timeout"));
    }, ms);
    this.acks.set(id, (ack) => {
      clearTimeout(timer);
      this.acks.delete(id);
      if (ack instanceof Error) reply(ack);
      else reply(null, ack);
    });
    this.send(`42${id}${JSON.stringify([event, payload])}`);
  }

  connect(): void {
    if (this.ws) return;
    this.active = true;
    this.attempts = 0;
    this.open();
  }

  disconnect(): void {
    this.active = false;
    this.drop("io client disconnect");
  }

  close(): void {
    document.removeEventListener("visibilitychange", this.onVisible);
    this.disconnect();
    this.listeners.clear();
  }

  private fire(event: string, arg?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (a: unknown) => void)(arg);
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${scheme}//${location.host}${this.path}?EIO=4&transport=websocket`);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    this.heard(10_000); // the open packet must come within 10 s
    ws.onmessage = (e) => {
      if (this.ws === ws) this.receive(String(e.data));
    };
    ws.onclose = () => {
      if (this.ws === ws) this.drop("transport close");
    };
  }

  private send(data: string): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(data);
  }

  /** Notes that the server spoke; without news for `limit` ms the connection is dead. */
  private heard(limit = this.silenceLimit): void {
    this.lastHeard = Date.now();
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.drop("ping timeout"), limit);
  }

  private readonly onVisible = (): void => {
    // A phone that slept may hold a dead socket: check at once instead of waiting for a timer.
    if (document.visibilityState !== "visible") return;
    if (this.ws && Date.now() - this.lastHeard > this.silenceLimit) this.drop("ping timeout");
    else if (!this.ws && this.active) this.open();
  };

  private receive(data: string): void {
    this.heard();
    const type = data[0];
    if (type === "0") {
      const open = (readJson(data.slice(1)) ?? {}) as { pingInterval?: number; pingTimeout?: number };
      this.silenceLimit = (open.pingInterval ?? 25_000) + (open.pingTimeout ?? 20_000);
      this.heard();
      this.send(`40${JSON.stringify(this.auth)}`);
    } else if (type === "2") {
      this.send("3");
    } else if (type === "1") {
      this.drop("transport close");
    } else if (type === "4") {
      this.packet(data.slice(1));
    }
  }

  private packet(p: string): void {
    const kind = p[0];
    let i = 1;
    while (i < p.length && p.charCodeAt(i) >= 48 && p.charCodeAt(i) <= 57) i++;
    const id = p.slice(1, i);
    const body = i < p.length ? readJson(p.slice(i)) : undefined;
    if (kind === "0") {
      this.connected = true;
      this.attempts = 0;
      this.fire("connect");
    } else if (kind === "4") {
      const refusal = (body ?? {}) as { message?: string; data?: { retryAfter?: unknown } };
      const retryAfter =
        typeof refusal.data?.retryAfter === "number" && refusal.data.retryAfter > 0 ? refusal.data.retryAfter : 0;
      // A refusal that says when to come back (a busy node, a crowded network) is not final: try
      // again then, a little later at random, so that a crowd refused together does not return together.
      if (!retryAfter) this.active = false;
      this.drop("io server disconnect", true);
      if (retryAfter) this.retry(retryAfter * 1000 * (1 + Math.random() * 0.25));
      this.fire("connect_error", Object.assign(new Error(refusal.message ?? "refused"), retryAfter ? { retryAfter } : {}));
    } else if (kind === "1") {
      // The server let go (a restart, a redeploy, an erased event): try again; if the room is
      // gone, the next handshake is refused and that refusal is final.
      this.drop("io server disconnect");
    } else if (kind === "2" && Array.isArray(body)) {
      this.fire(String(body[0]), body[1]);
      if (id) this.send(`43${id}[]`);
    } else if (kind === "3" && Array.isArray(body)) {
      this.acks.get(Number(id))?.(body[0]);
    }
  }

  private drop(reason: DisconnectReason, quiet = false): void {
    clearTimeout(this.silenceTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = null;
      ws.onmessage = null;
      if (ws.readyState <= WebSocket.OPEN) ws.close();
    }
    for (const settle of [...this.acks.values()]) settle(new Error("offline"));
    const was = this.connected;
    this.connected = false;
    if (was && !quiet) this.fire("disconnect", reason);
    else if (!was && !quiet && this.active && reason !== "io client disconnect") this.fire("connect_error", new Error(reason));
    if (this.active) this.retry();
  }

  /** The next try, after `delay` ms (the server's word) or else a growing backoff with jitter. */
  private retry(delay = Math.min(500 * 2 ** this.attempts++, 8_000) * (0.75 + Math.random() * 0.5)): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.active && !this.ws) this.open();
    }, delay);
  }
}
