// Prints where a server spent its CPU: `npx tsx bench/profile-summary.ts <file.cpuprofile>…`
import { formatProfile, summarizeProfile } from "./lib/profile.js";

for (const file of process.argv.slice(2)) console.log(formatProfile(summarizeProfile(file), 30));
