// The default PUBLIC_URL: the machine's address on the venue network, so that join links and
// QR codes printed from it reach phones. A pure function over os.networkInterfaces()'s output,
// so it is tested without the machine's real interfaces.
import type { NetworkInterfaceInfo } from "node:os";

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Non-internal IPv4 addresses, in the order the system lists them, each with its interface. */
export function lanAddresses(interfaces: Interfaces): { name: string; address: string }[] {
  const found: { name: string; address: string }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 reported the family as a number.
      const v4 = info.family === "IPv4" || (info.family as unknown) === 4;
      if (v4 && !info.internal) found.push({ name, address: info.address });
    }
  }
  return found;
}

/** `http://<first non-internal IPv4>:<port>`, or `http://localhost:<port>` when there is none. */
export function defaultPublicUrl(interfaces: Interfaces, port: number): string {
  const first = lanAddresses(interfaces)[0];
  return `http://${first ? first.address : "localhost"}:${port}`;
}

/** True when a URL names this machine only (phones cannot reach it). */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "[::1]";
}
