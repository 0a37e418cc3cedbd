// XLSX downloads (exceljs): bold header row, numbers stored as numbers.
import ExcelJS from "exceljs";

export type TSheet = { name: string; columns: readonly string[]; rows: Record<string, unknown>[] };

export async function xlsxResponse(filename: string, sheets: TSheet[]): Promise<Response> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.columns.map((c) => ({ header: c, key: c, width: Math.max(10, c.length + 2) }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    for (const r of s.rows) {
      ws.addRow(Object.fromEntries(s.columns.map((c) => [c, r[c] === undefined ? null : typeof r[c] === "number" && !Number.isFinite(r[c]) ? null : r[c]])));
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Response(new Uint8Array(buf as ArrayBuffer), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}

/** ?format=csv|xlsx (csv by default). */
export function downloadFormat(sp: URLSearchParams): "csv" | "xlsx" | null {
  const f = sp.get("format") ?? "csv";
  return f === "csv" || f === "xlsx" ? f : null;
}
