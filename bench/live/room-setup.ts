// Before anyone joins: a moderator per room with its poll (still a draft), a screen per room
// on every node, and the phones to come, spread over rooms, nodes and source addresses.
import type { Socket } from "socket.io-client";
import { now } from "../lib/stats.js";
import { POLL_OPTIONS, participantId } from "../lib/tribune-api.js";
import type { PhoneSpec } from "../live-protocol.js";
import { ack, connectSio, type Screen } from "./sockets.js";
import type { LiveOptions } from "./types.js";

/** Moderators (one per room, on the first node) and their polls, still drafts. */
export async function moderatorsWithPolls(
  urls: string[],
  codes: string[],
  moderatorKey: string,
  kind: LiveOptions["kind"],
): Promise<{ moderators: Socket[]; polls: Record<string, string> }> {
  const moderators = await Promise.all(codes.map((code) => connectSio(urls[0]!, { code, moderatorKey })));
  const polls: Record<string, string> = {};
  for (const [k, code] of codes.entries()) {
    const poll = await ack<{ id: string }>(
      moderators[k]!,
      "poll:create",
      kind === "wordcloud"
        ? { title: "One word for the bench?", kind: "wordcloud" }
        : { title: "Should the bench pass?", kind: "single", options: POLL_OPTIONS },
    );
    polls[code] = poll.id;
  }
  return { moderators, polls };
}

/** One screen per room on every node, stamping each `results` once its phase has begun. */
export async function connectScreens(urls: string[], codes: string[]): Promise<Screen[]> {
  const screens: Screen[] = [];
  for (const code of codes) {
    for (const [node, url] of urls.entries()) {
      const socket = await connectSio(url, { code, role: "screen" });
      const screen: Screen = { code, node, socket, epoch: Number.POSITIVE_INFINITY, at: [], seq: [] };
      socket.on("results", (r: { seq: number }) => {
        const t = now();
        if (t >= screen.epoch) {
          screen.at.push(t);
          screen.seq.push(r.seq);
        }
      });
      screens.push(screen);
    }
  }
  return screens;
}

/** Phones, spread over the rooms, the nodes, the workers and the source addresses. */
export function phoneSpecs(options: LiveOptions, codes: string[], urls: string[], tag: string): PhoneSpec[] {
  const specs: PhoneSpec[] = [];
  const total = options.rooms.reduce((s, r) => s + r.size, 0);
  const sampleEvery = Math.max(1, Math.floor(total / Math.max(1, options.samplePhones)));
  for (const [k, room] of options.rooms.entries()) {
    for (let j = 0; j < room.size; j++) {
      const i = specs.length;
      specs.push({
        i,
        participantId: participantId(`${tag}${k}`, i),
        code: codes[k]!,
        node: i % urls.length,
        localAddress: options.sourceAddresses > 0 ? `127.0.0.${2 + (i % options.sourceAddresses)}` : undefined,
        sampled: options.samplePhones > 0 && i % sampleEvery === 0,
      });
    }
  }
  return specs;
}
