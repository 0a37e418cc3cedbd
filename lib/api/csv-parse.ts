// A small RFC 4180 CSV reader for uploads (POST /api/v1/results, imports).
//
// - fields separated by "," (or ";", as spreadsheets set to Vietnamese write them:
//   the header row decides, see detectDelimiter);
// - fields may be quoted with "…"; inside quotes "" is one quote, and the delimiter,
//   CR and LF are plain text;
// - records end with CRLF, LF or CR; a UTF-8 byte-order mark is dropped;
// - empty lines are skipped; a malformed quote is an error naming its line.
// Pure function, no I/O.

export type TCsvRecord = {
  fields: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
};

export type TCsvParseResult = { ok: true; records: TCsvRecord[]; delimiter: "," | ";" } | { ok: false; code: "malformed" | "too_many_records"; line: number; message: string };

export type TCsvOptions = {
  /** "auto" (default): the header row decides between "," and ";". */
  delimiter?: "," | ";" | "auto";
  /** Stop with an error past this many records (header included). */
  maxRecords?: number;
};

/** The delimiter of the first record: whichever of "," and ";" appears outside quotes (comma when neither or both). */
export function detectDelimiter(text: string): "," | ";" {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) break;
    else if (!inQuotes && c === ",") commas++;
    else if (!inQuotes && c === ";") semicolons++;
  }
  return semicolons > 0 && commas === 0 ? ";" : ",";
}

export function parseCsv(input: string, opts: TCsvOptions = {}): TCsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = !opts.delimiter || opts.delimiter === "auto" ? detectDelimiter(text) : opts.delimiter;
  const max = opts.maxRecords ?? Number.POSITIVE_INFINITY;
  const records: TCsvRecord[] = [];

  let line = 1; // current line of the file
  let recordLine = 1; // line where the current record started
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoteLine = 0;
  let afterQuote = false; // just past the closing quote of a field
  let recordQuoted = false; // some field of this record was quoted

  const endField = () => {
    fields.push(field);
    field = "";
    afterQuote = false;
  };
  /** Ends the record; false when there are too many. */
  const endRecord = (): boolean => {
    const blank = !recordQuoted && fields.length === 1 && fields[0]!.trim() === "";
    if (!blank) {
      if (records.length >= max) return false;
      records.push({ fields, line: recordLine });
    }
    fields = [];
    recordQuoted = false;
    return true;
  };
  const tooMany = (): TCsvParseResult => ({
    ok: false,
    code: "too_many_records",
    line: recordLine,
    message: `Tệp có quá nhiều dòng (tối đa ${max - 1} dòng dữ liệu) / the file has too many rows (at most ${max - 1} data rows)`,
  });

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
        continue;
      }
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
      field += c;
      continue;
    }
    if (c === delimiter) {
      endField();
      continue;
    }
    if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endField();
      if (!endRecord()) return tooMany();
      line++;
      recordLine = line;
      continue;
    }
    if (afterQuote) {
      return {
        ok: false,
        code: "malformed",
        line,
        message: `Dòng ${line}: có ký tự sau dấu ngoặc kép đóng ô; muốn có dấu ngoặc kép trong ô hãy viết "" / line ${line}: text after the closing quote of a field (write "" for a quote inside a quoted field)`,
      };
    }
    if (c === '"') {
      if (field !== "") {
        return {
          ok: false,
          code: "malformed",
          line,
          message: `Dòng ${line}: dấu ngoặc kép giữa một ô không đặt trong ngoặc kép / line ${line}: a quote inside an unquoted field (quote the whole field and write "")`,
        };
      }
      inQuotes = true;
      quoteLine = line;
      recordQuoted = true;
      continue;
    }
    field += c;
  }
  if (inQuotes) {
    return { ok: false, code: "malformed", line: quoteLine, message: `Dòng ${quoteLine}: dấu ngoặc kép mở mà không đóng / line ${quoteLine}: a quoted field is never closed` };
  }
  if (field !== "" || fields.length > 0 || afterQuote || recordQuoted) {
    endField();
    if (!endRecord()) return tooMany();
  }
  return { ok: true, records, delimiter };
}
