import { describe, expect, it } from "vitest";
import { RateBudget } from "./rate-budget";

describe("RateBudget", () => {
  it("lets `capacity` requests through at once, then one per refill period", () => {
    const b = new RateBudget(3, 1000);
    expect([b.take("a", 0), b.take("a", 0), b.take("a", 0)]).toEqual([0, 0, 0]);
    expect(b.take("a", 0)).toBe(1000);
    expect(b.take("a", 400)).toBe(600);
    expect(b.take("a", 1000)).toBe(0);
    expect(b.take("a", 1000)).toBe(1000);
    // Another key is not concerned.
    expect(b.take("b", 1000)).toBe(0);
  });

  it("fills up again to its capacity, not beyond", () => {
    const b = new RateBudget(2, 1000);
    b.take("a", 0);
    b.take("a", 0);
    const later = 60_000;
    expect([b.take("a", later), b.take("a", later), b.take("a", later)]).toEqual([0, 0, 1000]);
  });

  it("forgets the least recently used keys past its bound (they start full again)", () => {
    const b = new RateBudget(1, 1000, 2);
    b.take("a", 0);
    b.take("b", 0);
    b.take("c", 0); // "a" is forgotten
    expect(b.take("a", 0)).toBe(0);
    expect(b.take("c", 0)).toBe(1000);
  });
});
