import { describe, expect, it } from "vitest";
import { ADMISSION_HOLD_MS, AdmissionWindow, isTicket, MAX_RETRY_AFTER_S } from "../../server/core/admission.js";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("admission window", () => {
  it("admits up to max joins at once, then answers a wait", () => {
    const c = clock();
    const w = new AdmissionWindow(2, c.now);
    expect(isTicket(w.enter())).toBe(true);
    expect(isTicket(w.enter())).toBe(true);
    const third = w.enter();
    expect(isTicket(third)).toBe(false);
    expect(third).toEqual({ retryAfter: 1 });
    expect(w.size).toBe(2);
  });

  it("frees a slot when a join ends, once however often it is released", () => {
    const w = new AdmissionWindow(1, clock().now);
    const first = w.enter();
    if (!isTicket(first)) throw new Error("first join refused");
    first.release();
    first.release();
    const second = w.enter();
    expect(isTicket(second)).toBe(true);
    expect(isTicket(w.enter())).toBe(false); // the double release did not free a second slot
  });

  it("spreads a crowd: the wait grows with the phones refused in the same second, up to a ceiling", () => {
    const c = clock();
    const w = new AdmissionWindow(2, c.now);
    w.enter();
    w.enter();
    const waits = Array.from({ length: 6 }, () => (w.enter() as { retryAfter: number }).retryAfter);
    expect(waits).toEqual([1, 2, 2, 3, 3, 4]);
    for (let i = 0; i < 100; i++) w.enter();
    expect(w.enter()).toEqual({ retryAfter: MAX_RETRY_AFTER_S });
    c.advance(1000); // a new second starts a new count
    expect(w.enter()).toEqual({ retryAfter: 1 });
  });

  it("takes back a slot never released after the hold time", () => {
    const c = clock();
    const w = new AdmissionWindow(1, c.now);
    w.enter(); // lost: never released
    c.advance(ADMISSION_HOLD_MS - 1);
    expect(isTicket(w.enter())).toBe(false);
    c.advance(1);
    expect(isTicket(w.enter())).toBe(true);
  });

  it("refuses a limit that admits nobody", () => {
    expect(() => new AdmissionWindow(0)).toThrow(RangeError);
    expect(() => new AdmissionWindow(1.5)).toThrow(RangeError);
  });
});
