// The unit picker's pure parts: the search URL, reading the API's answer, option labels,
// the pinned units, keyboard movement and what is posted without a choice.
import { describe, expect, it } from "vitest";
import { unitPickerText } from "@/lib/i18n/unit-picker";
import {
  endedNote,
  mergeOptions,
  moveActive,
  pickerSearchUrl,
  pickerUnitOf,
  periodProblem,
  pinnedMatching,
  readSearchAnswer,
  typedKey,
  unitContext,
  unitDetail,
  type TPickerUnit,
} from "./unit-picker-format";

const vi = unitPickerText.vi;
const en = unitPickerText.en;

const TUYEN_QUANG: TPickerUnit = { key: "08", code: "08", name: "Tỉnh Tuyên Quang", parent: { key: "VN", name: "Việt Nam", level: "nation" }, province: null, validTo: null };
const PHU_LINH: TPickerUnit = { key: "00706", code: "00706", name: "Xã Phú Linh", parent: { key: "08", name: "Tỉnh Tuyên Quang", level: "province" }, province: { key: "08", name: "Tỉnh Tuyên Quang" }, validTo: null };
const OLD_CAN_THO: TPickerUnit = { key: "92-2025", code: "92", name: "Thành phố Cần Thơ", parent: { key: "VN", name: "Việt Nam", level: "nation" }, province: null, validTo: "2025-06-30" };

describe("pickerSearchUrl", () => {
  it("asks ten units for the typed text, with the form's fixed filters", () => {
    expect(pickerSearchUrl("  phú linh ", { levels: ["DISTRICT", "COMMUNE"], within: ["08"], validOn: "2025-07-01" })).toBe(
      "/api/v1/units?q=ph%C3%BA+linh&level=district%2Ccommune&within=08&validOn=2025-07-01&pageSize=10",
    );
    expect(pickerSearchUrl("", {})).toBe("/api/v1/units?pageSize=10");
    expect(pickerSearchUrl("a&b=c", { within: ["94", "92"] })).toBe("/api/v1/units?q=a%26b%3Dc&within=94%2C92&pageSize=10");
    expect(pickerSearchUrl("x".repeat(300), {})).toBe(`/api/v1/units?q=${"x".repeat(200)}&pageSize=10`);
  });
});

describe("reading the API's answer", () => {
  it("keeps what it can read of each unit and the total", () => {
    const body = {
      data: [
        { key: "00706", code: "00706", name: "Xã Phú Linh", nameEn: "Phu Linh Commune", level: "commune", parent: { key: "08", code: "08", name: "Tỉnh Tuyên Quang", level: "province" }, province: { key: "08", code: "08", name: "Tỉnh Tuyên Quang", level: "province" }, successor: null, validFrom: "2025-07-01", validTo: null },
        { name: "no key" },
        null,
      ],
      total: 37,
    };
    expect(readSearchAnswer(body)).toEqual({ units: [{ ...PHU_LINH, validFrom: "2025-07-01", successor: null }], total: 37 });
    expect(readSearchAnswer(null)).toEqual({ units: [], total: 0 });
    expect(readSearchAnswer({ error: { code: "bad_request" } })).toEqual({ units: [], total: 0 });
    expect(pickerUnitOf({ key: "08", name: "Tỉnh Tuyên Quang", parent: null, province: null, validTo: null })).toEqual({ ...TUYEN_QUANG, parent: null, validFrom: null, successor: null });
  });
});

describe("option labels", () => {
  it("say where a unit lies: its parent, and its province when that is another unit; never the nation", () => {
    expect(unitContext(PHU_LINH)).toBe("Tỉnh Tuyên Quang");
    expect(unitContext(TUYEN_QUANG)).toBe("");
    const underDistrict = { parent: { key: "942", name: "Huyện Châu Thành", level: "district" }, province: { key: "94", name: "Tỉnh Sóc Trăng" } };
    expect(unitContext(underDistrict)).toBe("Huyện Châu Thành, Tỉnh Sóc Trăng");
  });

  it("mark a unit that has ended with its last day, in the reader's language", () => {
    expect(endedNote(OLD_CAN_THO, vi.until)).toBe("(đến 30/06/2025)");
    expect(endedNote(OLD_CAN_THO, en.until)).toBe("(until 30/06/2025)");
    expect(endedNote(PHU_LINH, vi.until)).toBe("");
  });

  it("give place, key and end on one line", () => {
    expect(unitDetail(PHU_LINH, vi)).toBe("Tỉnh Tuyên Quang · mã 00706");
    expect(unitDetail(OLD_CAN_THO, vi)).toBe("mã 92-2025 · (đến 30/06/2025)");
    expect(unitDetail(OLD_CAN_THO, en)).toBe("code 92-2025 · (until 30/06/2025)");
  });
});

describe("the account's own units, offered first", () => {
  it("show when the typed text matches them, ignoring case and diacritics, or is their key", () => {
    expect(pinnedMatching([TUYEN_QUANG], "")).toEqual([TUYEN_QUANG]);
    expect(pinnedMatching([TUYEN_QUANG], "TUYEN quang")).toEqual([TUYEN_QUANG]);
    expect(pinnedMatching([TUYEN_QUANG], "08")).toEqual([TUYEN_QUANG]);
    expect(pinnedMatching([TUYEN_QUANG], "phu linh")).toEqual([]);
  });

  it("come first and once", () => {
    expect(mergeOptions([TUYEN_QUANG], [PHU_LINH, TUYEN_QUANG]).map((u) => u.key)).toEqual(["08", "00706"]);
  });
});

describe("keyboard and what is posted", () => {
  it("moves the active option with wrapping", () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });

  it("posts typed text only when it reads as a unit key", () => {
    expect(typedKey(" 08 ")).toBe("08");
    expect(typedKey("92-2025")).toBe("92-2025");
    expect(typedKey("Tuyên Quang")).toBe("");
    expect(typedKey("VN")).toBe("");
    expect(typedKey("08; DROP")).toBe("");
  });
});

describe("a unit that does not exist throughout the period, said at once", () => {
  const SOC_TRANG: TPickerUnit = { ...OLD_CAN_THO, key: "94", code: "94", name: "Tỉnh Sóc Trăng", successor: { key: "92", name: "Thành phố Cần Thơ" } };
  const NEW_CAN_THO: TPickerUnit = { ...TUYEN_QUANG, key: "92", code: "92", name: "Thành phố Cần Thơ", validFrom: "2025-07-01" };

  it("an ended unit for a period past its end, naming its successor, as the server's problem", () => {
    expect(periodProblem(SOC_TRANG, 2026, 2030)).toEqual({ unit: "Tỉnh Sóc Trăng", from: null, to: 2025, start: 2026, end: 2030, successor: "Thành phố Cần Thơ" });
    expect(periodProblem(SOC_TRANG, 2021, 2025)).toBeNull();
  });

  it("a new unit for a period before it began", () => {
    expect(periodProblem(NEW_CAN_THO, 2021, 2025)).toMatchObject({ from: 2025, to: null });
    expect(periodProblem(NEW_CAN_THO, 2024, 2024)).toMatchObject({ from: 2025 });
    expect(periodProblem(NEW_CAN_THO, 2026, 2030)).toBeNull();
  });

  it("says nothing while the period is not two years yet", () => {
    for (const [a, b] of [[Number.NaN, 2030], [2026, 0], [2030, 2026], [20, 2030]]) expect(periodProblem(SOC_TRANG, a!, b!)).toBeNull();
  });
});
