// The device's participant id: random, made here, kept in localStorage. No account, no cookie.
import { PARTICIPANT_ID } from "../../shared/limits";
import { randomId } from "./offline-queue";
import { load, save } from "./storage";

const KEY = "tribune.participant";

/** The id this device already has, or null; never makes one. */
export function storedParticipantId(): string | null {
  const stored = load<string | null>(KEY, null);
  return stored && PARTICIPANT_ID.test(stored) ? stored : null;
}

export function participantId(): string {
  const stored = storedParticipantId();
  if (stored) return stored;
  const id = randomId(22);
  save(KEY, id);
  return id;
}
