// Results as one sentence for a screen reader: read when the person asks, or when the poll closes,
// never on every tick (a live region that spoke at each vote would drown everything else).
import type { PollView, Results } from "../../shared/model";
import { CLIENT_KINDS } from "../poll-kinds";
import type { ResultLabels } from "../poll-kinds/kind";
import { t, tn } from "./strings";

/** The words the phone gives every kind's results. */
export const resultLabels = (): ResultLabels => ({
  voters: (n) => tn("voters", n),
  votes: (n) => tn("votes", n),
  noAnswer: t("noAnswer"),
});

/** A title that ends a sentence already gets no second stop. */
const sentence = (text: string): string => (/[.?!…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export function resultsSummary(poll: PollView, results: Results): string {
  const figures = CLIENT_KINDS[poll.kind].summary(poll, results, resultLabels());
  return `${sentence(poll.title)} ${tn("voters", results.voters)}. ${sentence(figures)}`;
}
