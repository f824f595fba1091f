// A load-generator thread: connects its share of phones at the pace it is given, votes (and
// asks, upvotes) when told, and counts what each phone receives. Loopback only.
import { parentPort, workerData } from "node:worker_threads";
import { io, type Socket } from "socket.io-client";
import { LeanSocket } from "./lean-client.js";
import type { FromWorker, PhoneSpec, PhoneTraffic, StormCommand, ToWorker, VoteColumns, WorkerInit } from "./live-protocol.js";

const init = workerData as WorkerInit;
const port = parentPort!;
const now = () => performance.timeOrigin + performance.now();
const send = (message: FromWorker) => port.postMessage(message);

interface Answer {
  ok: boolean;
  data?: any;
  error?: { code: string; message: string };
}

/** Per-second counters of what a phone receives from `epoch` on. */
class Traffic {
  epoch = Number.POSITIVE_INFINITY;
  messages: number[] = [];
  results: number[] = [];
  bytes: number[] = [];
  timeline: { at: number[]; seq: number[] } | undefined;

  constructor(sampled: boolean) {
    if (sampled) this.timeline = { at: [], seq: [] };
  }

  reset(epoch: number): void {
    this.epoch = epoch;
    this.messages = [];
    this.results = [];
    this.bytes = [];
    if (this.timeline) this.timeline = { at: [], seq: [] };
  }

  frame(bytes: number, isMessage: boolean, isResults: boolean, at: number): void {
    if (at < this.epoch) return;
    const s = Math.floor((at - this.epoch) / 1000);
    this.bytes[s] = (this.bytes[s] ?? 0) + bytes;
    if (isMessage) this.messages[s] = (this.messages[s] ?? 0) + 1;
    if (isResults) this.results[s] = (this.results[s] ?? 0) + 1;
  }
}

interface Phone {
  spec: PhoneSpec;
  traffic: Traffic;
  ready: Promise<void>;
  joined: boolean;
  emit(event: string, payload: unknown): Promise<Answer>;
  close(): void;
}

function leanPhone(spec: PhoneSpec): Phone {
  const traffic = new Traffic(false);
  const socket = new LeanSocket(
    init.urls[spec.node]!,
    { code: spec.code, participantId: spec.participantId },
    { localAddress: spec.localAddress, onFrame: (b, m, r, at) => traffic.frame(b, m, r, at) },
    init.connectTimeoutMs,
  );
  return {
    spec,
    traffic,
    ready: socket.ready,
    joined: false,
    emit: (event, payload) => socket.emitWithAck(event, payload, init.ackTimeoutMs) as Promise<Answer>,
    close: () => socket.close(),
  };
}

/** The wait a refusal asks for (admission control's `retryAfter`), from either client's error. */
const retryAfterOf = (err: unknown): number => {
  const e = err as { retryAfter?: unknown; data?: { retryAfter?: unknown } };
  const wait = e.retryAfter ?? e.data?.retryAfter;
  return typeof wait === "number" && wait > 0 ? wait : 0;
};

/**
 * A phone as the audience page behaves: a refusal carrying `retryAfter` is waited out (plus up
 * to a quarter more at random) and tried again on a new connection; any other failure is final.
 */
function patientPhone(spec: PhoneSpec, make: (spec: PhoneSpec) => Phone): Phone & { refused: boolean } {
  let current = make(spec);
  let refused = false;
  const ready = (async () => {
    for (;;) {
      try {
        return await current.ready;
      } catch (err) {
        const wait = retryAfterOf(err);
        if (!wait) throw err;
        refused = true;
        current.close();
        await new Promise((r) => setTimeout(r, wait * 1000 * (1 + Math.random() * 0.25)));
        current = make(spec);
      }
    }
  })();
  ready.catch(() => {});
  return {
    spec,
    get traffic() {
      return current.traffic;
    },
    joined: false,
    get refused() {
      return refused;
    },
    ready,
    emit: (event: string, payload: unknown) => current.emit(event, payload),
    close: () => current.close(),
  };
}

function sioPhone(spec: PhoneSpec): Phone {
  const traffic = new Traffic(spec.sampled);
  const socket: Socket = io(init.urls[spec.node]!, {
    auth: { code: spec.code, participantId: spec.participantId },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    timeout: init.connectTimeoutMs,
    ...(spec.localAddress ? { localAddress: spec.localAddress } : {}),
  } as Parameters<typeof io>[1]);
  socket.io.on("open", () => {
    socket.io.engine.on("packet", (packet: { type: string; data?: unknown }) => {
      const data = typeof packet.data === "string" ? packet.data : "";
      // Events ("2[…]") are what the server pushes; acks ("3<id>[…]") answer the phone's own emits.
      const isMessage = packet.type === "message" && data.startsWith("2");
      traffic.frame(Buffer.byteLength(data) + 1, isMessage, isMessage && data.startsWith('2["results"'), now());
    });
  });
  socket.on("results", (results: { seq: number }) => {
    const t = traffic.timeline;
    if (t && now() >= traffic.epoch) {
      t.at.push(now());
      t.seq.push(results.seq);
    }
  });
  const ready = new Promise<void>((resolve, reject) => {
    socket.once("state", () => resolve());
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
    socket.once("disconnect", (reason) => reject(new Error(`disconnected: ${reason}`)));
  });
  ready.catch(() => {});
  return {
    spec,
    traffic,
    ready,
    joined: false,
    emit: async (event, payload) => {
      try {
        return (await socket.timeout(init.ackTimeoutMs).emitWithAck(event, payload)) as Answer;
      } catch {
        return { ok: false, error: { code: "timeout", message: `no ack within ${init.ackTimeoutMs} ms` } };
      }
    },
    close: () => socket.close(),
  };
}

const phones: Phone[] = [];
const bump = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

async function join(rate: number): Promise<void> {
  const specs = init.phones;
  const joinMs: number[] = [];
  const errors: Record<string, number> = {};
  let joined = 0;
  let failed = 0;
  let refusedThenJoined = 0;
  const firstStart = now();
  let lastDone = firstStart;
  const progress = setInterval(() => send({ type: "progress", worker: init.worker, joined, failed }), 1000);
  await new Promise<void>((done) => {
    if (specs.length === 0) return done();
    let started = 0;
    const settle = () => {
      lastDone = now();
      if (joined + failed === specs.length) done();
    };
    const tick = () => {
      const due = Math.min(specs.length, Math.floor(((now() - firstStart) / 1000) * rate) + 1);
      while (started < due) {
        const spec = specs[started++]!;
        const begun = now();
        const phone = patientPhone(spec, spec.sampled || init.client === "sio" ? sioPhone : leanPhone);
        phones.push(phone);
        phone.ready.then(
          () => {
            phone.joined = true;
            joined++;
            if (phone.refused) refusedThenJoined++;
            joinMs.push(now() - begun);
            settle();
          },
          (err: Error) => {
            failed++;
            bump(errors, err.message.slice(0, 120));
            settle();
          },
        );
      }
      if (started < specs.length) setTimeout(tick, 5);
    };
    tick();
  });
  clearInterval(progress);
  send({ type: "joined", worker: init.worker, joined, failed, refusedThenJoined, errors, firstStart, lastDone, joinMs });
}

const questionIds = new Map<string, string[]>();

async function storm(command: StormCommand): Promise<void> {
  const votes: VoteColumns = { phone: [], code: [], sentAt: [], ackAt: [], seq: [], voters: [], ok: [] };
  const voteErrors: Record<string, number> = {};
  const asks = { ok: 0, failed: 0, errors: {} as Record<string, number> };
  const upvotes = { ok: 0, failed: 0, errors: {} as Record<string, number> };
  const pending: Promise<void>[] = [];
  const at = (fraction: number) => Math.max(0, command.startAt + fraction * command.windowMs - now());

  for (const phone of phones) {
    if (!phone.joined) continue;
    phone.traffic.reset(command.startAt);
    const { code } = phone.spec;
    const pollId = command.polls[code];
    if (!pollId) continue;
    pending.push(
      new Promise<void>((done) => {
        setTimeout(async () => {
          const sentAt = now();
          const choice =
            command.kind === "wordcloud"
              ? `${command.phase}${command.words > 0 ? Math.floor(Math.random() * command.words) : phone.spec.i}`
              : [Math.floor(Math.random() * command.options)];
          const answer = await phone.emit("vote", { pollId, choice });
          votes.phone.push(phone.spec.i);
          votes.code.push(code);
          votes.sentAt.push(sentAt);
          votes.ackAt.push(now());
          votes.ok.push(answer?.ok === true);
          votes.seq.push(answer?.ok ? Number(answer.data?.seq) : Number.NaN);
          votes.voters.push(answer?.ok ? Number(answer.data?.voters) : Number.NaN);
          if (!answer?.ok) bump(voteErrors, answer?.error?.code ?? "no answer");
          done();
        }, at(Math.random()));
      }),
    );
    if (Math.random() < command.ask) {
      pending.push(
        new Promise<void>((done) => {
          setTimeout(
            async () => {
              const answer = await phone.emit("ask", {
                text: `From phone ${phone.spec.i}: how will this scale to the whole plenary?`,
                clientId: `c${phone.spec.i}-${command.phase}`,
              });
              if (answer?.ok) {
                asks.ok++;
                const list = questionIds.get(code) ?? [];
                list.push(String(answer.data?.id));
                questionIds.set(code, list);
              } else {
                asks.failed++;
                bump(asks.errors, answer?.error?.code ?? "no answer");
              }
              done();
            },
            at(Math.random() * 0.7),
          );
        }),
      );
    }
    if (Math.random() < command.upvote) {
      pending.push(
        new Promise<void>((done) => {
          setTimeout(
            async () => {
              const list = questionIds.get(code);
              if (!list?.length) return done();
              const answer = await phone.emit("upvote", { questionId: list[Math.floor(Math.random() * list.length)], on: true });
              if (answer?.ok) upvotes.ok++;
              else {
                upvotes.failed++;
                bump(upvotes.errors, answer?.error?.code ?? "no answer");
              }
              done();
            },
            at(0.3 + Math.random() * 0.7),
          );
        }),
      );
    }
  }
  await Promise.all(pending);
  send({ type: "acked", worker: init.worker, phase: command.phase, votes, voteErrors, asks, upvotes });
}

function collect(from: number, to: number): void {
  const seconds = Math.max(1, Math.ceil((to - from) / 1000));
  const sum = (list: number[], upTo: number) => {
    let s = 0;
    for (let k = 0; k < upTo; k++) s += list[k] ?? 0;
    return s;
  };
  const out: PhoneTraffic[] = [];
  for (const phone of phones) {
    if (!phone.joined) continue;
    const t = phone.traffic;
    let peak = 0;
    let peakResults = 0;
    // Every second of the window, the last one partial (a partial second can only hold fewer).
    for (let k = 0; k < seconds; k++) {
      peak = Math.max(peak, t.messages[k] ?? 0);
      peakResults = Math.max(peakResults, t.results[k] ?? 0);
    }
    out.push({
      i: phone.spec.i,
      code: phone.spec.code,
      sampled: phone.spec.sampled,
      messages: sum(t.messages, seconds),
      results: sum(t.results, seconds),
      bytes: sum(t.bytes, seconds),
      peakMessages: peak,
      peakResults,
      timeline: t.timeline,
    });
    t.epoch = Number.POSITIVE_INFINITY;
  }
  send({ type: "collected", worker: init.worker, phones: out });
}

port.on("message", (message: ToWorker) => {
  const run = async () => {
    if (message.type === "join") await join(message.rate);
    else if (message.type === "storm") await storm(message);
    else if (message.type === "collect") collect(message.from, message.to);
    else if (message.type === "close") {
      for (const phone of phones) phone.close();
      send({ type: "closed", worker: init.worker });
    }
  };
  run().catch((err: Error) => send({ type: "error", worker: init.worker, message: err.stack ?? err.message }));
});
