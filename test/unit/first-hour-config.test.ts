// PUBLIC_URL's default (the machine's LAN address), ALLOWED_ORIGINS following it, and DEMO_LANG.
import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { defaultPublicUrl, type Interfaces, isLoopback, lanAddresses } from "../../server/lan-address.js";

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: "255.255.255.0",
  family: "IPv4",
  mac: "00:00:00:00:00:00",
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: "ffff:ffff:ffff:ffff::",
  family: "IPv6",
  mac: "00:00:00:00:00:00",
  internal,
  cidr: `${address}/64`,
  scopeid: 0,
});

const laptop: Interfaces = {
  lo: [v4("127.0.0.1", true), v6("::1", true)],
  wlan0: [v6("fe80::1"), v4("192.168.1.20")],
  docker0: [v4("172.17.0.1")],
};

describe("the LAN address lookup", () => {
  it("lists non-internal IPv4 addresses in the system's order", () => {
    expect(lanAddresses(laptop)).toEqual([
      { name: "wlan0", address: "192.168.1.20" },
      { name: "docker0", address: "172.17.0.1" },
    ]);
  });

  it("makes the first one the default public URL, on the port", () => {
    expect(defaultPublicUrl(laptop, 3000)).toBe("http://192.168.1.20:3000");
  });

  it("falls back to localhost when the machine has no network address", () => {
    expect(defaultPublicUrl({ lo: [v4("127.0.0.1", true)] }, 8080)).toBe("http://localhost:8080");
    expect(defaultPublicUrl({}, 3000)).toBe("http://localhost:3000");
    expect(defaultPublicUrl({ wlan0: [v6("2001:db8::1")] }, 3000)).toBe("http://localhost:3000");
  });

  it("tells loopback URLs from reachable ones", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "http://app.localhost"])
      expect(isLoopback(url)).toBe(true);
    for (const url of ["http://192.168.1.20:3000", "https://vote.example.org"]) expect(isLoopback(url)).toBe(false);
  });
});

describe("the configuration's first-hour defaults", () => {
  it("uses the LAN address when PUBLIC_URL is unset, and allows its origin", () => {
    const config = loadConfig({ PORT: "4000" }, [], laptop);
    expect(config.publicUrl).toBe("http://192.168.1.20:4000");
    expect(config.publicUrlDefaulted).toBe(true);
    expect(config.allowedOrigins).toEqual(["http://192.168.1.20:4000"]);
  });

  it("keeps PUBLIC_URL when it is set, whatever the interfaces", () => {
    const config = loadConfig({ PUBLIC_URL: "https://vote.example.org/" }, [], laptop);
    expect(config.publicUrl).toBe("https://vote.example.org");
    expect(config.publicUrlDefaulted).toBe(false);
    expect(config.allowedOrigins).toEqual(["https://vote.example.org"]);
  });

  it("uses localhost without interfaces", () => {
    expect(loadConfig({}).publicUrl).toBe("http://localhost:3000");
  });

  it("takes the demo's language from DEMO_LANG, French by default, and refuses others", () => {
    expect(loadConfig({}).demoLang).toBe("fr");
    expect(loadConfig({ DEMO_LANG: "en" }).demoLang).toBe("en");
    expect(() => loadConfig({ DEMO_LANG: "de" })).toThrow(/^Invalid DEMO_LANG: must be fr or en$/);
  });
});
