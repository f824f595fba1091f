// The admission window applied to Socket.IO joins. A join is in progress from the moment its
// connection opens (Engine.IO) to its first `state`: with the SQLite store a handshake's own work
// runs without a pause, so what a storm piles up is connections open and waiting for their turn.
// At the handshake, a participant's or a screen's join is refused when more joins than the window
// are in progress; moderators and speakers (a `moderatorKey`) are never refused: the people
// running the room are never held back by the audience.
//
// Why a refusal rather than a waiting line on the server: the refused phone holds nothing on the
// node (no socket, no timer, no memory per waiting phone), its connect_error already has the
// contract's error shape (`unavailable` with `retryAfter`, a sentence in both languages), and
// the page tries again by itself after `retryAfter` plus a little jitter. Every phone is joined
// in the end, in waves the node can take, without a queue that would itself need bounding.
import type { AdmissionTicket, AdmissionWindow } from "../core/admission.js";

const joins = new WeakMap<object, AdmissionTicket>();

type Connection = {
  on(event: "close", listener: (this: Connection) => void): unknown;
  off(event: "close", listener: (this: Connection) => void): unknown;
};

/**
 * Shared by every connection (`this` is the connection): no closure per connection, and `on`
 * rather than `once` (no wrapper per connection either), since joinOver removes it.
 */
function closed(this: Connection): void {
  joinOver(this);
}

/** A connection opened: its join counts until it ends (state sent, refused, or connection closed). */
export function joinOpened(conn: Connection, window: AdmissionWindow): void {
  joins.set(conn, window.open());
  conn.on("close", closed);
}

/** The join on this connection is over: it no longer counts, and its `close` listener goes. */
export function joinOver(conn: Connection): void {
  joins.get(conn)?.release();
  joins.delete(conn);
  conn.off("close", closed);
}

type Next = (err?: Error) => void;
type Middleware<S> = (socket: S, next: Next) => unknown;

/** A handshake middleware whose refusal also ends the join. */
export const releasingOnRefusal =
  <S extends { conn: Connection }>(middleware: Middleware<S>): Middleware<S> =>
  (socket, next) =>
    middleware(socket, (err) => {
      if (err) joinOver(socket.conn);
      next(err);
    });
