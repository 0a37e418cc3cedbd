// The province comparison as open data: JSON rows, CSV rows and an XLSX workbook
// (GET /api/v1/compare). The page links to the CSV and XLSX downloads.
import ExcelJS from "exceljs";
import type { TCompareIndicator, TCompareRow, TQualifier } from "../data/rollups";

const QUALIFIER_VI: Record<TQualifier, string> = { EXACT: "", OVER: "hơn", ABOUT: "khoảng" };
const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function toApiCompareRow(r: TCompareRow) {
  return {
    unit: {
      code: r.unit.code,
      name: r.unit.name,
      level: r.unit.level.toLowerCase(),
      parentCode: r.unit.parentCode,
      provinceCode: r.unit.provinceCode,
      validTo: isoDate(r.unit.validTo),
      successorCode: r.unit.successor?.code ?? null,
    },
    value: r.value,
    qualifier: r.qualifier.toLowerCase(),
    rows: r.rows,
    label: r.label,
    isDemo: r.isDemo,
  };
}

export function toApiCompareIndicator(i: TCompareIndicator) {
  return { code: i.code, name: i.name, nameEn: i.nameEn, unit: i.measureUnit, unitEn: i.measureUnitEn, measure: i.measure.toLowerCase(), lowerIsBetter: i.lowerIsBetter };
}

export const COMPARE_CSV_COLUMNS = [
  "indicator",
  "year",
  "unitCode",
  "unitName",
  "level",
  "parentCode",
  "qualifier",
  "value",
  "measureUnit",
  "rows",
  "label",
  "validTo",
  "successorCode",
  "isDemo",
];

/** CSV rows: `qualifier` as the sources word it ("hơn", "khoảng"), the value as a plain number. */
export function compareCsvRows(indicator: TCompareIndicator, year: number, rows: TCompareRow[]): Record<string, unknown>[] {
  return rows.map((r) => ({
    indicator: indicator.code,
    year,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    level: r.unit.level.toLowerCase(),
    parentCode: r.unit.parentCode,
    qualifier: QUALIFIER_VI[r.qualifier],
    value: r.value,
    measureUnit: indicator.measureUnit,
    rows: r.rows,
    label: r.label,
    validTo: isoDate(r.unit.validTo),
    successorCode: r.unit.successor?.code ?? null,
    isDemo: r.isDemo,
  }));
}

const LEVEL_VI: Record<string, string> = { NATION: "Toàn quốc", PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" };

/** One sheet "So sánh": bold frozen header, codes as text, values as numbers. */
export async function buildCompareWorkbook(indicator: TCompareIndicator, year: number, rows: TCompareRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng theo dõi mục tiêu giảm nghèo";
  wb.title = `${indicator.name} — năm ${year}`;
  const ws = wb.addWorksheet("So sánh", { views: [{ state: "frozen", ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  ws.columns = [
    { header: "Mã đơn vị", key: "unitCode", width: 11, style: { numFmt: "@" } },
    { header: "Đơn vị", key: "unitName", width: 26 },
    { header: "Cấp", key: "level", width: 10 },
    { header: "Mã đơn vị cấp trên", key: "parentCode", width: 12, style: { numFmt: "@" } },
    { header: "Hạn định", key: "qualifier", width: 10 },
    { header: "Giá trị", key: "value", width: 14 },
    { header: "Đơn vị tính", key: "measureUnit", width: 13 },
    { header: "Số kết quả", key: "rows", width: 10 },
    { header: "Nội dung", key: "label", width: 60 },
    { header: "Hiệu lực đến", key: "validTo", width: 13 },
    { header: "Mã đơn vị kế thừa", key: "successorCode", width: 12, style: { numFmt: "@" } },
    { header: "Số liệu minh họa", key: "isDemo", width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      unitCode: r.unit.code,
      unitName: r.unit.name,
      level: LEVEL_VI[r.unit.level] ?? r.unit.level,
      parentCode: r.unit.parentCode ?? "",
      qualifier: QUALIFIER_VI[r.qualifier],
      value: r.value,
      measureUnit: indicator.measureUnit,
      rows: r.rows,
      label: r.label ?? "",
      validTo: isoDate(r.unit.validTo) ?? "",
      successorCode: r.unit.successor?.code ?? "",
      isDemo: r.isDemo ? "có" : "",
    });
  }
  ws.autoFilter = { from: "A1", to: "L1" };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
