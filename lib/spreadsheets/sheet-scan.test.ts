// The first look at a data sheet (sheet-scan.ts): rows that hold a value and cells, counted over
// the bytes as the import would see them, and stopped at the limits.
import { describe, expect, it } from "vitest";
import { scanSheet } from "./sheet-scan";

const scan = (xml: string, limits = { rows: 100, cells: 1000 }) => scanSheet(Buffer.from(xml, "utf8"), limits);
const sheet = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>${rows}</sheetData><hyperlinks/></worksheet>`;

describe("scanSheet", () => {
  it("counts the rows holding a value as the import does: numbers, shared and inline strings, errors, formulas without a result", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2"><v>12.5</v></c><c r="B2" s="1"/></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row>' +
        '<row r="4"><c r="A4" t="e"><v>#N/A</v></c></row>' +
        '<row r="5"><c r="A5"><f>1+1</f></c></row>' +
        // Skipped as blank by the import: only formatting, an empty formula result, an empty value.
        '<row r="6"><c r="A6" s="2"/><c r="B6" s="2"></c></row>' +
        '<row r="7"><c r="A7" t="str"><f>IF(1,"","")</f><v></v></c></row>' +
        '<row r="8"><c r="A8"><v>  </v></c><c r="B8"><v/></c></row>' +
        '<row r="9" spans="1:3"/>',
    );
    expect(scan(xml)).toEqual({ ok: true, rows: 5, cells: 11 });
  });

  it("reads tags as XML does: prefixes, quoted “>” in attributes, comments, CDATA, processing instructions", () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="x"><x:sheetData>' +
      '<x:row r="1" x14ac:dyDescent="0.25"><x:c r="A1" t="s" note="a>b"><x:v>3</x:v></x:c></x:row>' +
      "<!-- <row><c><v>1</v></c></row> -->" +
      '<row r="2"><c r="A2" t="str"><v><![CDATA[text]]></v></c></row>' +
      '<?pi <row><c><v>1</v></c></row> ?>' +
      '<rows><cell><value>1</value></cell></rows>' +
      "</x:sheetData></x:worksheet>";
    expect(scan(xml)).toEqual({ ok: true, rows: 2, cells: 2 });
  });

  it("stops once a limit is passed, whatever follows", () => {
    const rows = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c><c s="1"/></row>`).join("");
    expect(scan(sheet(rows), { rows: 5, cells: 10 })).toEqual({ ok: true, rows: 5, cells: 10 });
    expect(scan(sheet(rows), { rows: 4, cells: 10 })).toEqual({ ok: false, over: "rows" });
    expect(scan(sheet(rows), { rows: 5, cells: 9 })).toEqual({ ok: false, over: "cells" });
    expect(scan(sheet(rows + '<row r="6"><c><v>1</v></c></row><<< not xml'), { rows: 5, cells: 100 })).toEqual({ ok: false, over: "rows" });
  });
});
