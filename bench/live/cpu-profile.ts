// With --profile, each phase runs under the servers' CPU profilers and its hottest functions
// are logged; without, the phase just runs.
import { join } from "node:path";
import { formatProfile, type ProfileSummary, summarizeProfile } from "../lib/profile.js";
import type { Target } from "./targets.js";
import type { LiveOptions } from "./types.js";

export type PhaseProfiler = (phase: string, run: () => Promise<void>) => Promise<ProfileSummary[]>;

export function phaseProfiler(target: Target, options: LiveOptions): PhaseProfiler {
  return async (phase, run) => {
    if (!options.profileDir) {
      await run();
      return [];
    }
    await Promise.all(target.nodes.map((n) => n.request({ type: "profile-start" })));
    await run();
    const files = await Promise.all(
      target.nodes.map(async (n, k) => {
        const file = join(options.profileDir!, `${options.scenario}-${target.label}-node${k}-${phase}.cpuprofile`);
        await n.request({ type: "profile-stop", file });
        return file;
      }),
    );
    const summaries = files.map((f) => summarizeProfile(f));
    for (const s of summaries) options.log(formatProfile(s, 12).replace(/^/gm, "    "));
    return summaries;
  };
}
