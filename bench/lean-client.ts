// A lean Socket.IO client for the bulk of the simulated phones: the same wire protocol as
// socket.io-client (Engine.IO v4 over WebSocket, Socket.IO v5 packets), so the server does
// exactly the same work, but it parses only what the bench reads (acks, and events of the
// sampled phones). socket.io-client costs tens of µs per received frame, and 10,000 phones
// receiving results ten times a second would saturate the generator before the server.
//
// Frames: "0{…}" open, "2" ping (answered "3"), "40{…}" connected, "44{…}" connect_error,
// "42[event,…]" event, "43<id>[…]" ack; the client sends "40<auth>" and "42<id>[event,payload]".
import WebSocket from "ws";

const PING = 0x32; // "2"
const OPEN = 0x30; // "0"
const MESSAGE = 0x34; // "4"
const SIO_CONNECT = 0x30; // "0"
const SIO_EVENT = 0x32; // "2"
const SIO_ACK = 0x33; // "3"
const SIO_CONNECT_ERROR = 0x34; // "4"
const RESULTS_PREFIX = Buffer.from('42["results"');
const STATE_PREFIX = Buffer.from('42["state"');

export interface LeanOptions {
  localAddress?: string | undefined;
  /** Called for every event frame with its arrival time; parse only when needed. */
  onEvent?: (frame: Buffer, at: number, isResults: boolean) => void;
  /** Called for every frame (pings and acks included) with its size; `isMessage` for events only. */
  onFrame?: (bytes: number, isMessage: boolean, isResults: boolean, at: number) => void;
}

export class LeanSocket {
  private ws: WebSocket;
  private nextId = 0;
  private acks = new Map<number, (answer: unknown) => void>();
  connected = false;
  closed = false;
  /** Resolves once connected and the first `state` has arrived. */
  readonly ready: Promise<void>;

  constructor(url: string, auth: Record<string, unknown>, options: LeanOptions = {}, timeoutMs = 20_000) {
    const wsUrl = `${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
    // The server is trusted here: skipping UTF-8 validation keeps the generator's cost per frame down.
    this.ws = new WebSocket(wsUrl, { perMessageDeflate: false, localAddress: options.localAddress, skipUTF8Validation: true });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error("timeout: no state within the time limit"));
        this.close();
      }, timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      let gotState = false;
      this.ws.on("error", (err) => fail(err));
      this.ws.on("close", () => {
        this.closed = true;
        this.connected = false;
        if (!gotState) fail(new Error("closed before state"));
        for (const ack of this.acks.values()) ack({ ok: false, error: { code: "disconnected", message: "socket closed" } });
        this.acks.clear();
      });
      this.ws.on("message", (data: Buffer) => {
        const at = performance.timeOrigin + performance.now();
        const type = data[0];
        if (type === PING) {
          this.ws.send("3");
          options.onFrame?.(data.length, false, false, at);
          return;
        }
        if (type === OPEN) {
          this.ws.send(`40${JSON.stringify(auth)}`);
          return;
        }
        if (type !== MESSAGE) return;
        const kind = data[1];
        if (kind === SIO_EVENT) {
          const isResults =
            data.length > RESULTS_PREFIX.length &&
            data.compare(RESULTS_PREFIX, 0, RESULTS_PREFIX.length, 0, RESULTS_PREFIX.length) === 0;
          options.onFrame?.(data.length, true, isResults, at);
          if (!gotState && data.compare(STATE_PREFIX, 0, STATE_PREFIX.length, 0, STATE_PREFIX.length) === 0) {
            gotState = true;
            clearTimeout(timer);
            resolve();
          }
          options.onEvent?.(data, at, isResults);
        } else if (kind === SIO_ACK) {
          options.onFrame?.(data.length, false, false, at);
          let i = 2;
          while (i < data.length && data[i]! >= 0x30 && data[i]! <= 0x39) i++;
          const id = Number(data.toString("latin1", 2, i));
          const ack = this.acks.get(id);
          if (ack) {
            this.acks.delete(id);
            ack((JSON.parse(data.toString("utf8", i)) as unknown[])[0]);
          }
        } else if (kind === SIO_CONNECT) {
          this.connected = true;
        } else if (kind === SIO_CONNECT_ERROR) {
          const body = JSON.parse(data.toString("utf8", 2)) as { message?: string; data?: { retryAfter?: number } };
          fail(Object.assign(new Error(`connect_error: ${body.message ?? "refused"}`), { retryAfter: body.data?.retryAfter }));
          this.close();
        }
      });
    });
    this.ready.catch(() => {});
  }

  /** Emits an event with an acknowledgement; a missing answer within `timeoutMs` is an error. */
  emitWithAck(event: string, payload: unknown, timeoutMs = 10_000): Promise<unknown> {
    if (this.closed) return Promise.resolve({ ok: false, error: { code: "disconnected", message: "socket closed" } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        resolve({ ok: false, error: { code: "timeout", message: `no ack within ${timeoutMs} ms` } });
      }, timeoutMs);
      this.acks.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.closed = true;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send("41"); // Socket.IO DISCONNECT
    this.ws.terminate();
  }
}
