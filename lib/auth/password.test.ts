import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { checkPassword, DUMMY_PASSWORD_HASH, PASSWORD_HASH_COST } from "./password";

describe("password checks", () => {
  it("compare an email without an account with a dummy hash of the same cost, and refuse it", async () => {
    // Same cost, so the comparison takes as long as for an account's hash.
    expect(bcrypt.getRounds(DUMMY_PASSWORD_HASH)).toBe(PASSWORD_HASH_COST);
    expect(await checkPassword("", null)).toBe(false);
    expect(await checkPassword("GiamNgheo@2025", null)).toBe(false);
  });

  it("accept the right password for a real hash only", async () => {
    const hash = await bcrypt.hash("dung-roi", 4);
    expect(await checkPassword("dung-roi", hash)).toBe(true);
    expect(await checkPassword("sai-roi", hash)).toBe(false);
  });
});
