// Reactions on the projector: each `reactions` message releases a few floating emoji along the
// bottom edge (bounded, so a storm stays light); with reduced motion, a still counter per emoji.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ReactionCounts } from "../../shared/model";
import type { Socket } from "../lib/socket";

/** Emoji floating at once, at most: a storm shows as a steady stream, not thousands of nodes. */
const MAX_FLOATING = 40;
const FLOAT_MS = 3000;

interface Floater {
  id: number;
  emoji: string;
  left: number;
}

const reducedMotion = (): boolean => matchMedia("(prefers-reduced-motion: reduce)").matches;

export function ReactionBurst({ socket }: { socket: Socket }) {
  const [floaters, setFloaters] = useState<Floater[]>([]);
  const [totals, setTotals] = useState<Record<string, number>>({});
  const next = useRef(0);
  useEffect(() => {
    const onReactions = ({ counts }: ReactionCounts) => {
      setTotals((old) => {
        const sum = { ...old };
        for (const [emoji, n] of Object.entries(counts)) sum[emoji] = (sum[emoji] ?? 0) + (n ?? 0);
        return sum;
      });
      if (reducedMotion()) return;
      const born: Floater[] = [];
      for (const [emoji, n] of Object.entries(counts)) {
        for (let i = 0; i < Math.min(n ?? 0, 8); i++) born.push({ id: next.current++, emoji, left: 5 + Math.random() * 90 });
      }
      setFloaters((old) => [...old, ...born].slice(-MAX_FLOATING));
      const ids = new Set(born.map((f) => f.id));
      setTimeout(() => setFloaters((old) => old.filter((f) => !ids.has(f.id))), FLOAT_MS);
    };
    socket.on("reactions", onReactions);
    return () => socket.off("reactions", onReactions);
  }, [socket]);
  const seen = Object.entries(totals).filter(([, n]) => n > 0);
  return (
    <div class="reaction-layer" aria-hidden="true">
      {floaters.map((f) => (
        <span key={f.id} class="floater" style={{ left: `${f.left}%` }}>
          {f.emoji}
        </span>
      ))}
      {seen.length > 0 && (
        <p class="reaction-counts">
          {seen.map(([emoji, n]) => (
            <span key={emoji}>
              {emoji} {n}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
