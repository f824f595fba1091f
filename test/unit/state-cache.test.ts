import { describe, expect, it } from "vitest";
import { StateCache } from "../../server/service/state-cache.js";

describe("StateCache", () => {
  it("serves one build to every request until the room changes or the entry ages", async () => {
    let now = 0;
    let builds = 0;
    const cache = new StateCache(250, () => now);
    const build = async () => ({ n: ++builds });
    expect(String(await cache.get("ABCDEF", build))).toBe('{"n":1}');
    expect(String(await cache.get("ABCDEF", build))).toBe('{"n":1}');
    cache.invalidate("ABCDEF");
    expect(String(await cache.get("ABCDEF", build))).toBe('{"n":2}');
    now = 249;
    expect(String(await cache.get("ABCDEF", build))).toBe('{"n":2}');
    now = 250;
    expect(String(await cache.get("ABCDEF", build))).toBe('{"n":3}');
  });

  it("does not keep a build that raced a change", async () => {
    const cache = new StateCache(250, () => 0);
    let release: () => void = () => {};
    const slow = cache.get("ABCDEF", () => new Promise((resolve) => (release = () => resolve({ stale: true }))));
    cache.invalidate("ABCDEF");
    release();
    expect(String(await slow)).toBe('{"stale":true}');
    expect(String(await cache.get("ABCDEF", async () => ({ fresh: true })))).toBe('{"fresh":true}');
  });

  it("keeps rooms apart", async () => {
    const cache = new StateCache(250, () => 0);
    await cache.get("AAAAAA", async () => "a");
    cache.invalidate("BBBBBB");
    expect(String(await cache.get("AAAAAA", async () => "changed"))).toBe('"a"');
  });
});
