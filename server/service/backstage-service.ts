// Use cases of a room's backstage: the keys that open one room only (a volunteer moderator's,
// the speaker's), and the messages the moderators send the speaker. Keys are managed with an
// event-wide key (the event's or the organizer's): a room key may not make or revoke keys.
import { ERR } from "../../shared/error-catalogue.js";
import { LIMITS } from "../../shared/limits.js";
import type { BackstageMessage, RoomKey, RoomKeyCreated } from "../../shared/model.js";
import { messageBody, noBody, parse, roomKeyBody } from "../../shared/schemas.js";
import { newId } from "../core/rooms.js";
import type { RoomKeyRecord, RoomRecord } from "../store/store.js";
import { type Actor, hashKey, newModeratorKey, type Owned, staffCheck } from "./access.js";
import { record } from "./audit.js";
import { type Deps, isoNow } from "./deps.js";

/** What a key list shows: never the key, nor its event. */
const listed = ({ id, role, roomCode, label, createdAt }: RoomKeyRecord): RoomKey => ({ id, role, roomCode, label, createdAt });

export class BackstageService {
  constructor(private readonly deps: Deps) {}

  /** A room as an event-level resource (no `roomCode`): managing keys needs an event-wide key. */
  private async eventRoom(code: string): Promise<Owned<RoomRecord> | null> {
    const room = await this.deps.store.getRoom(code);
    return room && { item: room, eventId: room.eventId };
  }

  /** A new key for one room, returned once: only its SHA-256 is stored. */
  async createKey(actor: Actor, code: string, body: unknown): Promise<RoomKeyCreated> {
    const room = staffCheck(actor, await this.eventRoom(code), ERR.unknownRoom);
    const { role, label = "" } = parse(roomKeyBody, body);
    const key = newModeratorKey();
    const created = await this.deps.store.createRoomKey(
      { id: newId(), role, roomCode: room.code, label, createdAt: isoNow(this.deps), keyHash: hashKey(key) },
      LIMITS.keysPerRoom,
    );
    if (created === "not_found") throw ERR.unknownRoom();
    if (created === "full") throw ERR.tooManyKeys(LIMITS.keysPerRoom);
    await record(this.deps, room.code, actor, `key:create:${role}`, created.id);
    return { id: created.id, role, roomCode: room.code, label, key };
  }

  async listKeys(actor: Actor, code: string): Promise<RoomKey[]> {
    const room = staffCheck(actor, await this.eventRoom(code), ERR.unknownRoom);
    return (await this.deps.store.listRoomKeys(room.code)).map(listed);
  }

  /** The key opens nothing from the store's step on; its sockets are disconnected on every node. */
  async revokeKey(actor: Actor, keyId: string, body: unknown): Promise<void> {
    const key = await this.deps.store.getRoomKey(keyId);
    staffCheck(actor, key && { item: key, eventId: key.eventId }, ERR.unknownKey);
    parse(noBody, body);
    const removed = await this.deps.store.deleteRoomKey(keyId);
    if (removed === "not_found") throw ERR.unknownKey();
    this.deps.outbox.revokeKey(keyId);
    await record(this.deps, removed.roomCode, actor, "key:revoke", keyId);
  }

  /** A message to the room's speaker and moderators, never to the public; the room keeps the newest. */
  async message(actor: Actor, code: string, body: unknown): Promise<BackstageMessage> {
    const room = await this.deps.store.getRoom(code);
    staffCheck(actor, room && { item: room, eventId: room.eventId, roomCode: room.code }, ERR.unknownRoom);
    const { text } = parse(messageBody, body);
    const message: BackstageMessage = { id: newId(), text, at: isoNow(this.deps) };
    if ((await this.deps.store.addMessage(code, message, LIMITS.messagesKept)) === "not_found") throw ERR.unknownRoom();
    this.deps.outbox.message(code, message);
    await record(this.deps, code, actor, "room:message", message.id);
    return message;
  }
}
