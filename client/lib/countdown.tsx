// A quiz's remaining time, from its `closesAt` and the server's clock: every device shows the
// same number whatever its own clock says (the offset is learnt from the socket's `clock`).
import { useEffect, useState } from "preact/hooks";

/**
 * Milliseconds to add to this device's clock to read the server's: the server's `now`, taken
 * halfway between asking (`sentAt`) and hearing back (`backAt`), as NTP does.
 */
export const clockOffset = (serverNow: string, sentAt: number, backAt: number): number =>
  Date.parse(serverNow) - (sentAt + backAt) / 2;

/** Whole seconds left until `closesAt` on the server's clock (0 once past). */
export const secondsLeft = (closesAt: string, offsetMs: number, now: number = Date.now()): number =>
  Math.max(0, Math.ceil((Date.parse(closesAt) - (now + offsetMs)) / 1000));

/** The seconds left, refreshed four times a second while counting. */
export function useSecondsLeft(closesAt: string | undefined, offsetMs: number): number | null {
  const [left, setLeft] = useState(() => (closesAt ? secondsLeft(closesAt, offsetMs) : null));
  useEffect(() => {
    if (!closesAt) {
      setLeft(null);
      return;
    }
    const tick = () => setLeft(secondsLeft(closesAt, offsetMs));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [closesAt, offsetMs]);
  return left;
}

/**
 * The countdown as a number in a ring that empties. Announced to screen readers only at a few
 * steps (not every second): `label` writes the sentence.
 */
export function Countdown({
  closesAt,
  timeLimit,
  offsetMs,
  label,
  className = "",
}: {
  closesAt: string;
  timeLimit: number;
  offsetMs: number;
  label: (seconds: number) => string;
  className?: string;
}) {
  const left = useSecondsLeft(closesAt, offsetMs) ?? 0;
  const spoken = left === 0 || left === 10 || left === 5 || left % 30 === 0 ? label(left) : null;
  const share = timeLimit > 0 ? left / timeLimit : 0;
  return (
    <div class={`countdown ${left <= 5 ? "ending " : ""}${className}`} role="timer" aria-label={label(left)}>
      <svg viewBox="0 0 36 36" aria-hidden="true" class="countdown-ring">
        <circle cx="18" cy="18" r="16" class="countdown-track" />
        <circle cx="18" cy="18" r="16" class="countdown-left" style={{ strokeDasharray: `${share * 100.53} 100.53` }} />
      </svg>
      <span class="countdown-number" aria-hidden="true">
        {left}
      </span>
      <span class="vh" aria-live="polite">
        {spoken}
      </span>
    </div>
  );
}
