// One moderator connection per room of the event, re-rendering the console on any change.
import { useEffect, useReducer, useRef } from "preact/hooks";
import { LiveRoom } from "../lib/live-room";

export function useRooms(codes: string[], moderatorKey: string): Map<string, LiveRoom> {
  const rooms = useRef(new Map<string, LiveRoom>());
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const stops = useRef(new Map<string, () => void>());

  for (const code of codes) {
    if (!rooms.current.has(code)) rooms.current.set(code, new LiveRoom(code, { moderatorKey }, "moderator"));
  }

  useEffect(() => {
    for (const [code, room] of rooms.current) {
      if (!stops.current.has(code))
        stops.current.set(
          code,
          room.subscribe(() => bump(0)),
        );
    }
  });

  useEffect(
    () => () => {
      for (const stop of stops.current.values()) stop();
      for (const room of rooms.current.values()) room.close();
      rooms.current.clear();
      stops.current.clear();
    },
    [],
  );
  return rooms.current;
}
