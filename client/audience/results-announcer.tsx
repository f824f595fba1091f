// What the room page says through its polite live region: results when the person asks for them,
// and the final results when the open poll closes.
import { useEffect, useRef, useState } from "preact/hooks";
import type { RoomState } from "../../shared/model";
import { resultsOf } from "../lib/room-state";
import { resultsSummary } from "./results-summary";
import { t } from "./strings";

export function useClosingAnnouncer(state: RoomState | null | undefined): { said: string; say: (text: string) => void } {
  const [said, setSaid] = useState("");
  const open = useRef<Set<string> | null>(null);

  // Emptied first, so the same sentence asked twice is spoken twice.
  const say = (text: string) => {
    setSaid("");
    setTimeout(() => setSaid(text), 100);
  };

  useEffect(() => {
    if (!state) return;
    const before = open.current;
    open.current = new Set(state.polls.filter((p) => p.status === "open").map((p) => p.id));
    if (!before) return; // the first state: nothing closed under the person's eyes
    const closed = state.polls.find((p) => p.status === "closed" && before.has(p.id));
    if (!closed) return;
    const results = resultsOf(closed);
    say(
      results
        ? t("pollClosedSaid", { summary: resultsSummary(closed, results) })
        : t("pollClosedHidden", { title: closed.title }),
    );
  }, [state?.polls]);

  return { said, say };
}
