import { describe, expect, it } from "vitest";
import { ADMISSION_HOLD_MS, AdmissionWindow, MAX_RETRY_AFTER_S } from "../../server/core/admission.js";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("admission window", () => {
  it("lets joins through while those in progress are within max, then answers a wait", () => {
    const w = new AdmissionWindow(2, clock().now);
    w.open();
    expect(w.wait()).toBe(0);
    w.open();
    expect(w.wait()).toBe(0);
    w.open();
    expect(w.wait()).toBe(1);
    expect(w.size).toBe(3);
  });

  it("counts a join until it ends, once however often it is released", () => {
    const w = new AdmissionWindow(1, clock().now);
    const first = w.open();
    const second = w.open();
    expect(w.wait()).toBeGreaterThan(0);
    first.release();
    first.release();
    expect(w.size).toBe(1);
    expect(w.wait()).toBe(0);
    second.release();
    expect(w.size).toBe(0);
  });

  it("spreads a crowd: the wait grows with the phones refused in the same second, up to a ceiling", () => {
    const c = clock();
    const w = new AdmissionWindow(2, c.now);
    for (let i = 0; i < 3; i++) w.open();
    const waits = Array.from({ length: 6 }, () => w.wait());
    expect(waits).toEqual([1, 2, 2, 3, 3, 4]);
    for (let i = 0; i < 100; i++) w.wait();
    expect(w.wait()).toBe(MAX_RETRY_AFTER_S);
    c.advance(1000); // a new second starts a new count
    expect(w.wait()).toBe(1);
  });

  it("calls a crowd back sooner when the node ended more joins than max last second", () => {
    const c = clock(1_000_000);
    const w = new AdmissionWindow(2, c.now);
    for (let i = 0; i < 6; i++) w.open().release(); // the node's pace: 6 joins a second
    c.advance(1000);
    for (let i = 0; i < 3; i++) w.open();
    const waits = Array.from({ length: 13 }, () => w.wait());
    expect(waits).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3]);
    c.advance(2000); // nothing ended the second before: back to max per second
    expect([w.wait(), w.wait()]).toEqual([1, 2]);
  });

  it("stops counting a join never released after the hold time", () => {
    const c = clock();
    const w = new AdmissionWindow(1, c.now);
    w.open(); // lost: never released
    c.advance(ADMISSION_HOLD_MS / 2);
    w.open();
    expect(w.wait()).toBeGreaterThan(0);
    c.advance(ADMISSION_HOLD_MS / 2);
    expect(w.size).toBe(1);
    expect(w.wait()).toBe(0);
  });

  it("refuses a limit that admits nobody", () => {
    expect(() => new AdmissionWindow(0)).toThrow(RangeError);
    expect(() => new AdmissionWindow(1.5)).toThrow(RangeError);
  });
});
