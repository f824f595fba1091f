// The room's reactions since the console opened, per emoji: what the audience feels, at a glance.
import { useEffect, useState } from "preact/hooks";
import type { ReactionCounts } from "../../shared/model";
import { translator } from "../lib/i18n";
import type { LiveRoom } from "../lib/live-room";
import { REACTIONS, reactionName } from "../lib/reaction-names";

const { t } = translator({ en: { title: "Reactions" }, fr: { title: "Réactions" } });

export function ReactionCounter({ room }: { room: LiveRoom }) {
  const [totals, setTotals] = useState<Record<string, number>>({});
  useEffect(() => {
    const onReactions = ({ counts }: ReactionCounts) =>
      setTotals((old) => {
        const sum = { ...old };
        for (const [emoji, n] of Object.entries(counts)) sum[emoji] = (sum[emoji] ?? 0) + (n ?? 0);
        return sum;
      });
    room.socket.on("reactions", onReactions);
    return () => room.socket.off("reactions", onReactions);
  }, [room]);
  return (
    <section class="panel reaction-counter" aria-labelledby={`reactions-${room.code}`}>
      <h3 id={`reactions-${room.code}`}>{t("title")}</h3>
      <ul class="reaction-totals">
        {REACTIONS.map((emoji) => (
          <li key={emoji}>
            <span aria-hidden="true">{emoji}</span>
            <span class="vh">{reactionName(emoji)}</span> {totals[emoji] ?? 0}
          </li>
        ))}
      </ul>
    </section>
  );
}
