// The throttle's pure parts; what it writes to the database, across two processes, is tested in
// tests/integration/sign-in-throttle.test.ts.
import { describe, expect, it } from "vitest";
import { ACCOUNT_MAX_DELAY_MS, accountDelayMs, ADDRESS_LEAK_MS, ADDRESS_MAX_FAILURES, addressKey } from "./rate-limit";

describe("sign-in throttle (pure part)", () => {
  it("lets an account fail 5 times, then makes it wait 30 s, 1, 2, 4, 8 and at most 15 minutes", () => {
    expect([0, 1, 2, 3, 4].map(accountDelayMs)).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 1000].map((n) => accountDelayMs(n) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(accountDelayMs(Number.MAX_SAFE_INTEGER)).toBe(ACCOUNT_MAX_DELAY_MS);
  });

  it("lets an address fail 50 times in 15 minutes", () => {
    expect(ADDRESS_MAX_FAILURES * ADDRESS_LEAK_MS).toBe(15 * 60 * 1000);
  });

  it("counts an IPv4 address as it is, an IPv6 address with its /64, and no address under one key", () => {
    expect(addressKey("203.0.113.9")).toBe("address:203.0.113.9");
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("address:2001:db8:1:2::/64");
    expect(addressKey("2001:DB8:1:2::ffff")).toBe("address:2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("address:2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("address:2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("address:0:0:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("address:64:ff9b:0:0::/64");
    expect(addressKey(null)).toBe("address:unknown");
  });
});
