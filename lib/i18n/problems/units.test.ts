import { describe, expect, it } from "vitest";
import { problemText } from "../problems";
import { unitsProblems } from "./units";

describe("the unit registry's problem texts", () => {
  it("has the same codes in both languages, all of the registry_ family", () => {
    expect(Object.keys(unitsProblems.en).sort()).toEqual(Object.keys(unitsProblems.vi).sort());
    for (const code of Object.keys(unitsProblems.vi)) expect(code).toMatch(/^registry_/);
  });

  it("says what refers to a unit that cannot be deleted, only what does, in each language", () => {
    const p = { code: "registry_in_use", params: { name: "Tỉnh Sóc Trăng (94)", plans: 2, targets: 1, results: 0, users: 1, children: 109, successions: 1 } };
    expect(problemText(p, "vi")).toBe(
      "Không thể xóa Tỉnh Sóc Trăng (94): đang được dùng bởi 2 kế hoạch, 1 chỉ tiêu, 1 tài khoản, 109 đơn vị trực thuộc, 1 quan hệ sáp nhập/chia tách. Đơn vị không còn tồn tại thì hãy kết thúc nó thay vì xóa",
    );
    expect(problemText(p, "en")).toBe("Tỉnh Sóc Trăng (94) cannot be deleted: 2 plans, 1 target, 1 account, 109 units below it, 1 succession refer to it. End a unit that no longer exists instead of deleting it");
  });

  it("writes dates as dd/mm/yyyy and levels in words", () => {
    expect(problemText({ code: "registry_already_ended", params: { name: "Xã A (1)", validTo: "2025-06-30" } }, "vi")).toBe("Xã A (1) đã hết hiệu lực (ngày cuối cùng 30/06/2025)");
    expect(problemText({ code: "registry_level_mismatch", params: { from: "A", fromLevel: "COMMUNE", to: "B", toLevel: "PROVINCE" } }, "en")).toBe("A (commune) cannot go into B (province): the levels must match");
  });
});
