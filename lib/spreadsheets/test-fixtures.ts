// For the tests of lib/spreadsheets only: a small grid like 58/KH-UBND's for the Sóc Trăng
// officer, and files made from it.
import ExcelJS from "exceljs";
import type { TGrid, TGridCell, TGridTarget } from "../data/results-write";
import type { TProblem } from "../errors";
import { problemText } from "../i18n/problems";
import { parseGridFile } from "./read-file";

export const target = (id: string, statement: string, extra: Partial<TGridTarget> = {}): TGridTarget => ({
  id,
  position: 1,
  parentId: null,
  kind: "COUNT",
  statement,
  group: { code: "all", name: "Toàn bộ (không phân nhóm)", nameEn: "Everyone (no sub-group)" },
  lower: null,
  upper: null,
  strict: false,
  approximate: false,
  baseline: null,
  equivalentValue: null,
  equivalentUnit: null,
  periodStart: 2023,
  periodEnd: 2023,
  annual: false,
  status: "PUBLISHED",
  unitId: "unit-942",
  indicator: { id: "ind-jobs", code: "jobs", name: "Lao động có việc làm", nameEn: "Jobs", measure: "COUNT", measureUnit: "người", measureUnitEn: "people" },
  valueKind: "count",
  years: [2023],
  ...extra,
});

export const cell = (targetId: string, result: TGridCell["result"] = null): TGridCell => ({
  targetId,
  unitId: "unit-942",
  unitCode: "942",
  year: 2023,
  result,
  readOnly: false,
  canEdit: result?.status !== "PUBLISHED",
  canPublish: true,
  canReopen: false,
});

export const stored = (value: number, extra: Partial<NonNullable<TGridCell["result"]>> = {}): NonNullable<TGridCell["result"]> => ({
  id: `result-${value}`,
  value,
  baseline: null,
  note: null,
  evidenceUrl: null,
  status: "DRAFT",
  version: 1,
  isDemo: false,
  enteredBy: { id: "user-soctrang", name: "Cán bộ" },
  approvedBy: null,
  approvedAt: null,
  updatedAt: "2024-01-05T00:00:00.000Z",
  ...extra,
});

export function makeGrid(): TGrid {
  return {
    plan: { id: "plan-58-kh-ubnd-2023", code: "58/KH-UBND", title: "Kế hoạch thi đua giảm nghèo 2023", status: "PUBLISHED", periodStart: 2023, periodEnd: 2023, issuerUnitId: "unit-942" },
    targets: [
      target("target-58-poor-rate", "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt từ 2 – 2,5%", {
        kind: "DECREASE_BY",
        indicator: { id: "ind-poor", code: "poor-rate", name: "Tỷ lệ hộ nghèo", nameEn: "Poor rate", measure: "RATE", measureUnit: "%", measureUnitEn: "%" },
        valueKind: "rate",
      }),
      target("target-58-jobs", "Giải quyết việc làm cho 2.400 lao động"),
      target("target-58-labour-export", "trong đó xuất khẩu lao động 25 người", { parentId: "target-58-jobs" }),
      target("target-58-vocational-training", "Đào tạo nghề cho 350 lao động"),
    ],
    units: [{ id: "unit-942", code: "942", name: "Huyện Châu Thành", shortName: "Châu Thành", nameEn: "Chau Thanh District", level: "DISTRICT", parentId: "unit-94" }] as TGrid["units"],
    cells: [
      cell("target-58-poor-rate", stored(4.52, { baseline: 6.61, note: "Báo cáo rà soát\ncuối năm", version: 3 })),
      cell("target-58-jobs", stored(2400, { status: "PUBLISHED", version: 2, isDemo: true })),
      cell("target-58-labour-export"),
      cell("target-58-vocational-training"),
    ],
    gaps: [],
  };
}

export const xlsxFile = (bytes: Uint8Array, name = "ket-qua.xlsx") => ({ name, bytes });
export const csvFile = (text: string, name = "ket-qua.csv") => ({ name, type: "text/csv", bytes: new TextEncoder().encode(text) });

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook with one sheet: the header, then rows of values. */
export async function sheet(header: string[], rows: ExcelJS.CellValue[][], name = "Sheet1"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return saveWorkbook(wb);
}

export async function parseOk(file: { name: string; bytes: Uint8Array; type?: string }) {
  const r = await parseGridFile(file);
  if (!r.ok) throw new Error(`expected a readable file, got ${JSON.stringify(r.error)}`);
  return r;
}

/** Problems as a Vietnamese reader sees them: the field, and the text. */
export const said = (problems: Pick<TProblem, "code" | "params" | "field">[]) => problems.map((p) => ({ field: p.field, message: problemText(p, "vi") }));
