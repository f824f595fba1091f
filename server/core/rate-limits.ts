// Token buckets: what a person does by hand passes, what a script floods does not.
// Pure: the caller gives the time, so the rule is testable and each store can hold the buckets.

export interface RateRule {
  /** Actions allowed in a burst. */
  burst: number;
  /** Seconds to earn one more action back. */
  refillSeconds: number;
}

/** Documented in docs/api.md: change both together. */
export const RATE_RULES = {
  /** A question every 12 s on average, 5 in a row. */
  ask: { burst: 5, refillSeconds: 12 },
  /** Changing one's mind is fine; hundreds of ballots a minute is not. */
  vote: { burst: 20, refillSeconds: 0.5 },
  /** Scrolling and tapping through a long list of questions. */
  upvote: { burst: 40, refillSeconds: 0.5 },
  /**
   * Live reactions: five a second, held for a second (a thumb tapping fast), refused past that.
   * Not under the per-address ceiling: a venue behind one NAT reacts together, and its
   * applause must not spend the ceiling its votes need.
   */
  react: { burst: 5, refillSeconds: 0.2 },
  /** Wrong moderator keys from one address. */
  wrongKey: { burst: 10, refillSeconds: 6 },
  /**
   * Every event one socket sends, whatever it is (refused ones too): a flood of junk costs
   * nothing past this. Kept in the socket's own memory: a socket lives on one node.
   */
  socket: { burst: 60, refillSeconds: 0.1 },
  /**
   * Coarse ceiling on participant actions (votes, asks, upvotes, both doors) per address. A
   * venue puts every phone behind one NAT: 1200 actions in a burst (300 people voting, changing
   * their minds, asking and upvoting within seconds), then 40 a second sustained, pass; a script
   * rotating participant ids from one address is held to that.
   */
  ip: { burst: 1200, refillSeconds: 0.025 },
  /** Socket handshakes of participants and screens per address: 300 phones rejoining twice after a Wi-Fi drop pass. */
  ipConnect: { burst: 600, refillSeconds: 0.1 },
} as const satisfies Record<string, RateRule>;

export type RateName = keyof typeof RATE_RULES;

export interface Bucket {
  tokens: number;
  at: number;
}

/** Takes one token at time `now` (ms); returns the new bucket and how long to wait when refused. */
export function takeToken(bucket: Bucket | undefined, rule: RateRule, now: number): { bucket: Bucket; retryAfter: number } {
  const rate = 1000 * rule.refillSeconds;
  const tokens = bucket ? Math.min(rule.burst, bucket.tokens + (now - bucket.at) / rate) : rule.burst;
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, at: now }, retryAfter: 0 };
  return { bucket: { tokens, at: now }, retryAfter: Math.max(1, Math.ceil(((1 - tokens) * rate) / 1000)) };
}

/** Refuses without spending: for checks that only count failures (wrong keys). */
export function isEmpty(bucket: Bucket | undefined, rule: RateRule, now: number): number {
  if (!bucket) return 0;
  const rate = 1000 * rule.refillSeconds;
  const tokens = Math.min(rule.burst, bucket.tokens + (now - bucket.at) / rate);
  return tokens >= 1 ? 0 : Math.max(1, Math.ceil(((1 - tokens) * rate) / 1000));
}
