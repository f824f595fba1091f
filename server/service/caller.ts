// Where the current request or socket event comes from, without threading it through every
// use case: each door runs its handler inside `callerContext.run({address}, …)`, and the rules
// that need the address (the per-address ceiling) read it here. The address is used for rate
// limits only: it is never stored, logged or sent anywhere.
import { AsyncLocalStorage } from "node:async_hooks";

export interface Caller {
  /** The client's address (after TRUST_PROXY), or undefined when unknown. */
  address?: string | undefined;
}

export const callerContext = new AsyncLocalStorage<Caller>();

/** Addresses of this host: a reverse proxy on the same machine without TRUST_PROXY would otherwise put the whole audience under one ceiling. */
export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** The address the per-address ceiling applies to, or null (unknown, or this host). */
export function ceilingAddress(): string | null {
  const address = callerContext.getStore()?.address;
  return address && !isLoopback(address) ? address : null;
}
