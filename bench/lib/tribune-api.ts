// The organizer's and participants' HTTP calls the bench makes to set a Tribune node up
// and to check, afterwards, that nothing acknowledged was lost.

export const ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";

export async function call<T = any>(base: string, method: string, path: string, body?: unknown, token = ADMIN_TOKEN): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

export interface BenchEvent {
  id: string;
  moderatorKey: string;
  rooms: { id: string; name: string; code: string }[];
}

export function createEvent(base: string, roomNames: string[], title = `Bench ${new Date().toISOString()}`): Promise<BenchEvent> {
  return call<BenchEvent>(base, "POST", "/api/events", { title, rooms: roomNames.map((name) => ({ name })) });
}

export const POLL_OPTIONS = ["Strongly agree", "Agree", "Disagree", "Strongly disagree"];

/** Creates a single-choice poll of four options and opens it; returns its id. */
export async function openPoll(base: string, code: string, title = "Should the bench pass?"): Promise<string> {
  const poll = await call<{ id: string }>(base, "POST", `/api/rooms/${code}/polls`, {
    title,
    kind: "single",
    options: POLL_OPTIONS,
  });
  await call(base, "POST", `/api/polls/${poll.id}/open`);
  return poll.id;
}

export const results = (base: string, pollId: string) =>
  call<{ voters: number; seq: number; counts?: number[] }>(base, "GET", `/api/polls/${pollId}/results`);

export async function questionCount(base: string, code: string): Promise<number> {
  const state = await call<{ questions: unknown[] }>(base, "GET", `/api/rooms/${code}/moderation`);
  return state.questions.length;
}

/** A participant id of the contract's form (16–64 of A-Z a-z 0-9 _ -), distinct per `n`. */
export const participantId = (prefix: string, n: number): string =>
  `${prefix}_${n.toString(36).padStart(8, "0")}`.padEnd(16, "x");
