// Where the current request or socket event comes from: each door hands it to the use cases that
// spend the per-address ceiling (vote, ask, upvote). It is passed, not carried by an
// AsyncLocalStorage: one of those turns on async hooks for every promise of the process, a few
// per cent of every request and event. The address is used for rate limits only: it is never
// stored, logged or sent anywhere.

export interface Caller {
  /** The client's address (after TRUST_PROXY), or undefined when unknown. */
  address?: string | undefined;
}

/** Addresses of this host: a reverse proxy on the same machine without TRUST_PROXY would otherwise put the whole audience under one ceiling. */
export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** The address the per-address ceiling applies to, or null (unknown, or this host). */
export function ceilingAddress(caller: Caller): string | null {
  const address = caller.address;
  return address && !isLoopback(address) ? address : null;
}
