// The device's participant id: random, made here, kept in localStorage. No account, no cookie.
import { PARTICIPANT_ID } from "../../shared/limits";
import { randomId } from "./offline-queue";
import { load, save } from "./storage";

const KEY = "tribune.participant";

export function participantId(): string {
  const stored = load<string | null>(KEY, null);
  if (stored && PARTICIPANT_ID.test(stored)) return stored;
  const id = randomId(22);
  save(KEY, id);
  return id;
}
