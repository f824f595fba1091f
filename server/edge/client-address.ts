// The client's address, the same way for HTTP (fastify's req.ip) and Socket.IO handshakes:
// X-Forwarded-For is believed only from the proxies TRUST_PROXY names, so a direct client
// cannot dodge per-address limits by forging it.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import proxyAddr from "@fastify/proxy-addr";

type Trust = (address: string, hop: number) => boolean;

/** The same reading of TRUST_PROXY as fastify's own (lib/request.js). */
function trustOf(trustProxy: boolean | string | undefined): Trust | null {
  if (trustProxy === true) return () => true;
  if (!trustProxy) return null;
  return proxyAddr.compile(trustProxy.split(",").map((s) => s.trim()));
}

export type AddressOf = (peer: string, headers: IncomingHttpHeaders) => string;

export function addressReader(trustProxy: boolean | string | undefined): AddressOf {
  const trust = trustOf(trustProxy);
  if (!trust) return (peer) => peer;
  return (peer, headers) => {
    const req = { headers, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
    return proxyAddr(req, trust) ?? peer;
  };
}
