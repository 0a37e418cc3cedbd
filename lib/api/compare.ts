// The province comparison as open data: JSON rows, CSV rows and an XLSX workbook
// (GET /api/v1/compare). The page links to the CSV and XLSX downloads.
import ExcelJS from "exceljs";
import type { TGroup } from "../data/groups";
import { apiGroup } from "./serialize";
import type { TCompareIndicator, TCompareRow, TCompareTotal, TComparison, TQualifier } from "../data/rollups";

const QUALIFIER_VI: Record<TQualifier, string> = { EXACT: "", OVER: "hơn", ABOUT: "khoảng" };
const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function toApiCompareRow(r: TCompareRow, group: TGroup) {
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
    group: apiGroup(group),
    value: r.value,
    qualifier: r.qualifier.toLowerCase(),
    label: r.label,
    /** Figures this unit has in the series (more than one are listed, never added). */
    unitFigures: r.unitFigures,
    isDemo: r.isDemo,
  };
}

/** A province's units below it, added up by the portal, or why they are not. */
export function toApiCompareTotal(t: TCompareTotal) {
  return t.ok
    ? { provinceCode: t.provinceCode, computed: true, value: t.value, qualifier: t.qualifier.toLowerCase(), unitsReported: t.reported }
    : { provinceCode: t.provinceCode, computed: true, value: null, notAddedBecause: t.reason };
}

export function toApiCompareIndicator(i: TCompareIndicator) {
  return { code: i.code, name: i.name, nameEn: i.nameEn, unit: i.measureUnit, unitEn: i.measureUnitEn, measure: i.measure.toLowerCase(), lowerIsBetter: i.lowerIsBetter };
}

export const COMPARE_CSV_COLUMNS = [
  "indicator",
  "group",
  "year",
  "unitCode",
  "unitName",
  "level",
  "parentCode",
  "qualifier",
  "value",
  "measureUnit",
  "label",
  "computed",
  "unitsReported",
  "validTo",
  "successorCode",
  "isDemo",
];

/** The words for a computed total, in the label column of downloads. */
export const totalLabelVi = (reported: number) => `Tổng ${reported} đơn vị cấp dưới đã báo cáo (số liệu do cổng tính, không phải số liệu của nguồn)`;

/**
 * CSV rows: `qualifier` as the sources word it ("hơn", "khoảng"), the value as a plain number;
 * each province's computed total (if any) after its own rows, marked `computed`.
 */
/** The CSV's rows, every one at once (see compareCsvLines for the streamed form). */
export function compareCsvRows(c: Pick<TComparison, "indicator" | "group" | "year" | "totals">, rows: TCompareRow[]): Record<string, unknown>[] {
  const lines = compareCsvLines(c, rows);
  return Array.from({ length: lines.count }, (_, i) => lines.row(i));
}

/** The CSV's rows, each made only when asked (the download streams them: csvStreamResponse). */
export function compareCsvLines(c: Pick<TComparison, "indicator" | "group" | "year" | "totals">, rows: TCompareRow[]): { count: number; row: (i: number) => Record<string, unknown> } {
  const { indicator, year } = c;
  const lines = withTotals(c, rows);
  const row = (i: number): Record<string, unknown> => {
    const r = lines[i]!;
    return "total" in r ? totalCsvRow(c, r.total, r.province) : {
      indicator: indicator.code,
      group: c.group.code,
      year,
      unitCode: r.unit.code,
      unitName: r.unit.name,
      level: r.unit.level.toLowerCase(),
      parentCode: r.unit.parentCode,
      qualifier: QUALIFIER_VI[r.qualifier],
      value: r.value,
      measureUnit: indicator.measureUnit,
      label: r.label,
      computed: false,
      unitsReported: null,
      validTo: isoDate(r.unit.validTo),
      successorCode: r.unit.successor?.code ?? null,
      isDemo: r.isDemo,
    };
  };
  return { count: lines.length, row };
}

type TTotalLine = { total: Extract<TCompareTotal, { ok: true }>; province: TCompareRow["unit"]["province"] };

/** The rows in order, each province's computed total placed after its last row. */
function withTotals(c: Pick<TComparison, "totals">, rows: TCompareRow[]): (TCompareRow | TTotalLine)[] {
  const totals = new Map(c.totals.flatMap((t) => (t.ok ? [[t.provinceCode, t] as const] : [])));
  const out: (TCompareRow | TTotalLine)[] = [];
  rows.forEach((r, i) => {
    out.push(r);
    const next = rows[i + 1];
    const t = totals.get(r.unit.provinceCode);
    if (t && next?.unit.provinceCode !== r.unit.provinceCode) out.push({ total: t, province: r.unit.province });
  });
  return out;
}

function totalCsvRow(c: Pick<TComparison, "indicator" | "group" | "year">, t: TTotalLine["total"], province: TTotalLine["province"]) {
  return {
    indicator: c.indicator.code,
    group: c.group.code,
    year: c.year,
    unitCode: province.code,
    unitName: province.name,
    level: province.level.toLowerCase(),
    parentCode: province.parentCode,
    qualifier: QUALIFIER_VI[t.qualifier],
    value: t.value,
    measureUnit: c.indicator.measureUnit,
    label: totalLabelVi(t.reported),
    computed: true,
    unitsReported: t.reported,
    validTo: isoDate(province.validTo),
    successorCode: province.successor?.code ?? null,
    isDemo: false,
  };
}

const LEVEL_VI: Record<string, string> = { NATION: "Toàn quốc", PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" };

/** One sheet "So sánh": bold frozen header, codes as text, values as numbers. */
export async function buildCompareWorkbook(c: Pick<TComparison, "indicator" | "group" | "year" | "totals">, rows: TCompareRow[]): Promise<Uint8Array> {
  const { indicator, year } = c;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng theo dõi mục tiêu giảm nghèo";
  wb.title = `${indicator.name} (${c.group.name}) — năm ${year}`;
  const ws = wb.addWorksheet("So sánh", { views: [{ state: "frozen", ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  ws.columns = [
    { header: "Mã đơn vị", key: "unitCode", width: 11, style: { numFmt: "@" } },
    { header: "Đơn vị", key: "unitName", width: 26 },
    { header: "Cấp", key: "level", width: 10 },
    { header: "Mã đơn vị cấp trên", key: "parentCode", width: 12, style: { numFmt: "@" } },
    { header: "Hạn định", key: "qualifier", width: 10 },
    { header: "Giá trị", key: "value", width: 14 },
    { header: "Đơn vị tính", key: "measureUnit", width: 13 },
    { header: "Đối tượng", key: "group", width: 28 },
    { header: "Nội dung", key: "label", width: 60 },
    { header: "Số liệu do cổng tính", key: "computed", width: 12 },
    { header: "Hiệu lực đến", key: "validTo", width: 13 },
    { header: "Mã đơn vị kế thừa", key: "successorCode", width: 12, style: { numFmt: "@" } },
    { header: "Số liệu minh họa", key: "isDemo", width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const line of withTotals(c, rows)) {
    if ("total" in line) {
      const t = totalCsvRow(c, line.total, line.province);
      ws.addRow({ ...t, level: LEVEL_VI[line.province.level] ?? line.province.level, group: c.group.name, computed: "có", validTo: t.validTo ?? "", successorCode: t.successorCode ?? "", parentCode: t.parentCode ?? "", isDemo: "" });
      continue;
    }
    const r = line;
    ws.addRow({
      unitCode: r.unit.code,
      unitName: r.unit.name,
      level: LEVEL_VI[r.unit.level] ?? r.unit.level,
      parentCode: r.unit.parentCode ?? "",
      qualifier: QUALIFIER_VI[r.qualifier],
      value: r.value,
      measureUnit: indicator.measureUnit,
      group: c.group.name,
      label: r.label ?? "",
      computed: "",
      validTo: isoDate(r.unit.validTo) ?? "",
      successorCode: r.unit.successor?.code ?? "",
      isDemo: r.isDemo ? "có" : "",
    });
  }
  ws.autoFilter = { from: "A1", to: "M1" };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
