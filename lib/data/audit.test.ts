import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { toJsonSafe } from "./audit";

describe("toJsonSafe (audit snapshots)", () => {
  it("turns Decimal, BigInt and Date into JSON values, recursively, and drops undefined", () => {
    const v = toJsonSafe({
      value: new Prisma.Decimal("2400.0000"),
      rate: new Prisma.Decimal("18.66"),
      id: 12345678901234567890n,
      at: new Date("2026-01-02T03:04:05.000Z"),
      nested: [{ d: new Prisma.Decimal("0.5"), gone: undefined }, null],
      nan: Number.NaN,
      text: "Châu Thành",
      gone: undefined,
    });
    expect(v).toEqual({
      value: 2400,
      rate: 18.66,
      id: "12345678901234567890",
      at: "2026-01-02T03:04:05.000Z",
      nested: [{ d: 0.5 }, null],
      nan: null,
      text: "Châu Thành",
    });
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it("keeps null and plain values", () => {
    expect(toJsonSafe(null)).toBeNull();
    expect(toJsonSafe(undefined)).toBeNull();
    expect(toJsonSafe(true)).toBe(true);
    expect(toJsonSafe(3)).toBe(3);
  });
});
