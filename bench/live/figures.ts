// The figures of a live scenario, Tribune against the bare baseline, with their targets.
import type { Figure } from "../lib/report.js";
import { round } from "../lib/stats.js";
import type { LiveMeasurement, LiveOptions, PhaseFigures } from "./types.js";

export function figuresOf(options: LiveOptions, t: LiveMeasurement, b: LiveMeasurement | null): Figure[] {
  const scenario = options.scenario;
  const figures: Figure[] = [];
  const add = (
    name: string,
    unit: string,
    value: number | null,
    baseline: number | null | undefined,
    target?: Figure["target"],
    note?: string,
  ) =>
    figures.push({
      scenario,
      name,
      unit,
      value,
      ...(b ? { baseline: baseline ?? null } : {}),
      ...(target ? { target } : {}),
      ...(note ? { note } : {}),
    });
  const storm = t.phases.find((p) => p.phase === "storm");
  const bStorm = b?.phases.find((p) => p.phase === "storm");
  const burst = t.phases.find((p) => p.phase === "burst");
  const bBurst = b?.phases.find((p) => p.phase === "burst");
  const cpuNote = (p: PhaseFigures) =>
    `(server CPU ${round(p.serverCpu)}%, loop p99 ${round(p.serverLoopDelayP99)} ms; generator ${round(p.generatorCpu)}%, worker ELU ${round(p.generatorMaxWorkerElu)}; others ${round(p.otherCpu)}%)`;
  const isCongress = scenario === "congress";

  add("phones connected and voting", `of ${t.phones}`, t.joined, b?.joined, { op: ">=", value: t.phones });
  add(
    "join rate achieved",
    "phones/s",
    t.joinRate,
    b?.joinRate,
    undefined,
    `(asked ${options.joinRate}/s; server CPU ${round(t.join.serverCpu)}%, generator ${round(t.join.generatorCpu)}%)`,
  );
  add("join time p50 (connect → state)", "ms", t.joinMs.p50, b?.joinMs.p50);
  // The join storm judges the join: every phone its state within a second.
  add(
    "join time p99 (connect → state)",
    "ms",
    t.joinMs.p99,
    b?.joinMs.p99,
    scenario === "joinstorm" ? { op: "<=", value: 1000 } : undefined,
  );
  // The server's own share of the same joins: what is left of connect → state is the kernel's
  // accept queue and the generator's event loop, on a machine both share.
  add("join time on the server p99 (accept → state)", "ms", t.serverJoinMs.p99, b?.serverJoinMs.p99);
  add(
    "joins refused or without state",
    "phones",
    t.joinFailed,
    b?.joinFailed,
    scenario === "joinstorm" ? { op: "<=", value: 0 } : undefined,
  );
  add("joins refused, then joined after retryAfter", "phones", t.refusedThenJoined, b?.refusedThenJoined);
  add("heap per idle participant", "KB", t.memIdle.heapPerPhone / 1024, b ? b.memIdle.heapPerPhone / 1024 : null, {
    op: "<=",
    value: 8,
  });
  add("RSS per idle participant", "KB", t.memIdle.rssPerPhone / 1024, b ? b.memIdle.rssPerPhone / 1024 : null);
  if (!storm) return figures; // --heap: memory only

  if (isCongress) {
    const plenaryKey = Object.keys(storm.screenByRoom).find((k) => k.startsWith("Plenary"));
    const bKey = bStorm && Object.keys(bStorm.screenByRoom).find((k) => k.startsWith("Plenary"));
    add(
      "vote→screen p99, plenary of 200",
      "ms",
      plenaryKey ? storm.screenByRoom[plenaryKey]!.p99 : null,
      bKey ? bStorm.screenByRoom[bKey]!.p99 : null,
      { op: "<=", value: 25 },
      cpuNote(storm),
    );
  }
  add("vote→screen p50", "ms", storm.screen.p50, bStorm?.screen.p50);
  add("vote→screen p95", "ms", storm.screen.p95, bStorm?.screen.p95);
  add(
    "vote→screen p99",
    "ms",
    storm.screen.p99,
    bStorm?.screen.p99,
    isCongress ? undefined : { op: "<=", value: 150 },
    isCongress ? undefined : cpuNote(storm),
  );
  add("vote→phone p99 (sampled phones)", "ms", storm.phones.p99, bStorm?.phones.p99);
  add(
    "votes ingested (storm)",
    "votes/s",
    storm.votesPerSec,
    bStorm?.votesPerSec,
    undefined,
    `(${t.phones} votes offered over ${options.windowMs / 1000} s)`,
  );
  add(
    "acks failed (joins + votes)",
    "",
    t.joinFailed + t.phases.reduce((s, p) => s + p.votesFailed, 0),
    b ? b.joinFailed + b.phases.reduce((s, p) => s + p.votesFailed, 0) : null,
    { op: "<=", value: 0 },
  );
  add(
    "acknowledged votes never on screen",
    "",
    t.phases.reduce((s, p) => s + p.neverShown, 0),
    b ? b.phases.reduce((s, p) => s + p.neverShown, 0) : null,
    { op: "<=", value: 0 },
  );
  add("votes lost (acknowledged, not counted)", "", t.votesLost, b?.votesLost, { op: "<=", value: 0 });
  add(
    isCongress ? "messages per phone (polls and Q&A)" : "messages per phone during the storm",
    "msg/s",
    storm.perPhone.messagesPerSec,
    bStorm?.perPhone.messagesPerSec,
  );
  add("results messages per phone", "msg/s", storm.perPhone.resultsPerSec, bStorm?.perPhone.resultsPerSec);
  // "At most every 100 ms": judged on the worst second of any phone, since an average over a
  // short window also counts the first, immediate flush.
  add(
    "most messages to one phone in one second",
    "msg",
    storm.perPhone.peakMessagesInOneSecond,
    bStorm?.perPhone.peakMessagesInOneSecond,
    isCongress ? undefined : { op: "<=", value: 10 },
  );
  add(
    "most results to one phone in one second",
    "msg",
    storm.perPhone.peakResultsInOneSecond,
    bStorm?.perPhone.peakResultsInOneSecond,
    isCongress ? { op: "<=", value: 10 } : undefined,
  );
  add("bytes per phone", "B/s", storm.perPhone.bytesPerSec, bStorm?.perPhone.bytesPerSec);
  add("server CPU during the storm", "% of a core", storm.serverCpu, bStorm?.serverCpu);
  add("generator CPU during the storm", "% of a core", storm.generatorCpu, bStorm?.generatorCpu);
  if (isCongress) {
    add("questions asked and stored", `of ${t.questionsAsked}`, t.questionsStored, b?.questionsStored, {
      op: ">=",
      value: t.questionsAsked,
    });
    add(
      "ask/upvote acks failed",
      "",
      storm.asks.failed + storm.upvotes.failed,
      bStorm ? bStorm.asks.failed + bStorm.upvotes.failed : null,
      { op: "<=", value: 0 },
    );
  }
  if (burst) {
    const offered = t.phones / (options.burstWindowMs / 1000);
    add(
      "votes ingested (everyone changes vote at once)",
      "votes/s",
      burst.votesPerSec,
      bBurst?.votesPerSec,
      // Judged only when the phones offer at least the target rate.
      offered >= 10_000 ? { op: ">=", value: 10_000 } : undefined,
      `(${t.phones} votes offered over ${options.burstWindowMs / 1000} s${offered < 10_000 ? ": below the 10,000/s target, not judged" : ""}) ${cpuNote(burst)}`,
    );
    add("vote→screen p99 (burst)", "ms", burst.screen.p99, bBurst?.screen.p99);
    add("messages per phone during the burst", "msg/s", burst.perPhone.messagesPerSec, bBurst?.perPhone.messagesPerSec);
    add(
      "most messages to one phone in one second (burst)",
      "msg",
      burst.perPhone.peakMessagesInOneSecond,
      bBurst?.perPhone.peakMessagesInOneSecond,
      { op: "<=", value: 10 },
    );
  }
  return figures;
}
