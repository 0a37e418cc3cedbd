import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "./csv-parse";

const fields = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r.records.map((x) => x.fields);
};

describe("parseCsv (RFC 4180)", () => {
  it("reads plain records with CRLF, LF or CR endings, and drops a BOM", () => {
    expect(fields("\uFEFFa,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fields("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fields("a,b\r1,2\r")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks, and keeps their lines", () => {
    const r = parseCsv('a,b\n"1,5","say ""hi"""\n"two\r\nlines",x\nlast,y');
    expect(r.ok && r.records).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1,5", 'say "hi"'], line: 2 },
      { fields: ["two\r\nlines", "x"], line: 3 },
      { fields: ["last", "y"], line: 5 },
    ]);
  });

  it("keeps empty fields, skips blank lines", () => {
    expect(fields("a,b,c\n,,\n\n   \n1,,3\n")).toEqual([["a", "b", "c"], ["", "", ""], ["1", "", "3"]]);
    expect(fields('a\n""\n')).toEqual([["a"], [""]]);
    expect(fields("")).toEqual([]);
  });

  it("detects ';' from the header row (spreadsheets in Vietnamese settings)", () => {
    expect(detectDelimiter("targetId;unitCode;value\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('"a;b",c')).toBe(",");
    expect(fields('a;b\n"2,5";2.400\n')).toEqual([["a", "b"], ["2,5", "2.400"]]);
  });

  it("keeps a quoted “18,000” (or one between semicolons) as one text cell, for THE number parser to judge", () => {
    expect(fields('targetId,value\ntarget-58-jobs,"18,000"\n')).toEqual([["targetId", "value"], ["target-58-jobs", "18,000"]]);
    expect(fields("targetId;value\ntarget-58-jobs;18,000\n")).toEqual([["targetId", "value"], ["target-58-jobs", "18,000"]]);
    // Unquoted between commas it is two cells: the upload reader says so (lib/api/results-upload.ts).
    expect(fields("targetId,value\ntarget-58-jobs,18,000\n")[1]).toEqual(["target-58-jobs", "18", "000"]);
  });

  it("refuses broken quoting with the line it is on", () => {
    expect(parseCsv('a,b\n1,"open\n2,3')).toMatchObject({ ok: false, code: "malformed", line: 2 });
    expect(parseCsv('a,b\n1,"x"y')).toMatchObject({ ok: false, code: "malformed", line: 2 });
    expect(parseCsv('a,b\n1,x"y')).toMatchObject({ ok: false, code: "malformed", line: 2 });
  });

  it("stops past maxRecords", () => {
    expect(parseCsv("h\n1\n2\n", { maxRecords: 3 }).ok).toBe(true);
    expect(parseCsv("h\n1\n2\n3\n", { maxRecords: 3 })).toMatchObject({ ok: false, code: "too_many_records", line: 4 });
  });
});
