// Results as one sentence for a screen reader: read when the person asks, or when the poll closes,
// never on every tick (a live region that spoke at each vote would drown everything else).
import type { PollView, Results } from "../../shared/model";
import { CLIENT_KINDS } from "../poll-kinds";
import { resultLabels } from "./poll-panel";
import { tn } from "./strings";

export function resultsSummary(poll: PollView, results: Results): string {
  return `${poll.title}. ${tn("voters", results.voters)}. ${CLIENT_KINDS[poll.kind].summary(poll, results, resultLabels())}.`;
}
