/**
 * The plan-text reader: Vietnamese plan text in, proposed targets out (docs/domain.md, "Reading
 * plan text"). Pure and linear in the text's length: no network, no model, no guessing. What it
 * cannot read without guessing becomes a "not understood" line, never a number.
 *
 * How it reads, in short:
 * 1. Lines. A line in capitals is a heading; a line opening with "Mục tiêu"/"Chỉ tiêu" opens a
 *    block of targets (to the end of its paragraph when the targets follow on the same line, else
 *    to the next section heading: "Nhiệm vụ", "Giải pháp", …). Headings and sentences name the
 *    period that later targets fall back on.
 * 2. Sentences, then clauses (";"), then parts (", "): a part that opens with a target verb
 *    ("giảm", "giải quyết việc làm", "phấn đấu" …) after a part with a figure starts a new target;
 *    "trong đó" starts a sub-target of the one before it; "tương đương" stays with its target.
 * 3. Each target's words: its figures (Vietnamese numbers, ranges), the words around them
 *    (strictness, approximation, "xuống còn", "lần", "bình quân", "hàng năm"), the indicator and
 *    group wording (./lexicon.ts), and its period.
 * Reports of the past ("đã …") are not targets; outside a block of targets, a statement without a
 * figure is prose, inside one it is a qualitative target.
 */
import { parseVietnameseNumber } from "../numbers";
import { WHOLE_POPULATION } from "../groups";
import type { TargetKind } from "../targets";
import { blank, fold } from "./fold";
import { CONNECTIVE, GROUP_WORDING, INDICATOR_WORDING, MEASURE_WORDS, SECTION_WORDS, STARTER, TARGET_BLOCK } from "./lexicon";
import type { NotUnderstood, NotUnderstoodReason, PlanTextReading, ReadTarget, ReaderOptions } from "./types";

export type { NotUnderstood, PlanTextReading, ReadTarget, ReaderOptions } from "./types";

interface Period {
  start: number | null;
  end: number;
}

/** A period named in a sentence, at a place in it. */
interface Mention {
  at: number;
  period: Period;
}

/** A sentence prepared for reading: the original, its folded twin, and the latter with dates, codes and periods blanked. */
interface Prepared {
  text: string;
  folded: string;
  masked: string;
  mentions: Mention[];
}

const YEAR = "((?:19|20)\\d{2})";
const isYear = (y: number) => y >= 1945 && y <= 2100;

/** Blank every match of `re` in `s` (keeps positions); call `seen` for each. */
function blankAll(s: string, re: RegExp, seen?: (m: RegExpExecArray) => void): string {
  let out = s;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    seen?.(m);
    out = blank(out, m.index, m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const DATE_PATTERNS = [
  /\bngay \d{1,2} thang \d{1,2} nam \d{4}\b/g,
  /\b\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}\b/g,
  /\bthang \d{1,2}(?: nam |\s?\/\s?)\d{4}\b/g,
  /\bngay \d{1,2}\s?\/\s?\d{1,2}\b/g,
  /\b\d{1,2}:\d{2}\b/g,
];
/** Document numbers ("58/KH-UBND", "20-NQ/TU", "13/2025/TT-BNNMT", "số 58"). */
const CODE_PATTERNS = [
  /\b\d+(?:\/\d+)*[/-][a-z][a-z0-9]*(?:[/-][a-z0-9]+)*/g,
  /\b(?:ke hoach|nghi quyet|quyet dinh|cong van|thong tu|chi thi|van ban|giay phep|bao cao|to trinh|thong bao|nghi dinh|luat|hop dong) so \d+\b/g,
  /\blan thu \d+\b/g,
];
const PERIOD_RANGE = new RegExp(`\\b(?:(?:giai doan|thoi ky|ke hoach) )?(?:tu )?(?:nam )?${YEAR}\\s?(?:-|–|—|den|toi)\\s?(?:nam )?${YEAR}\\b`, "g");
const PERIOD_END = new RegExp(`\\bden (?:het |cuoi )?nam ${YEAR}\\b`, "g");
const REFERENCE = new RegExp(`\\bso voi (?:cuoi |dau )?(?:nam )?${YEAR}\\b`, "g");
const PERIOD_ONE = new RegExp(`\\b(?:cuoi |dau )?nam ${YEAR}\\b`, "g");

function prepare(text: string): Prepared {
  const folded = fold(text);
  let masked = folded;
  for (const re of DATE_PATTERNS) masked = blankAll(masked, re);
  for (const re of CODE_PATTERNS) masked = blankAll(masked, re);
  const mentions: Mention[] = [];
  masked = blankAll(masked, REFERENCE);
  masked = blankAll(masked, PERIOD_RANGE, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (isYear(a) && isYear(b) && a <= b) mentions.push({ at: m.index, period: { start: a, end: b } });
  });
  masked = blankAll(masked, PERIOD_END, (m) => {
    const y = Number(m[1]);
    if (isYear(y)) mentions.push({ at: m.index, period: { start: null, end: y } });
  });
  masked = blankAll(masked, PERIOD_ONE, (m) => {
    const y = Number(m[1]);
    if (isYear(y)) mentions.push({ at: m.index, period: { start: y, end: y } });
  });
  mentions.sort((x, y) => x.at - y.at);
  return { text, folded, masked, mentions };
}

/** A period ending at `end` starts where the context's does, when that is not after it. */
function complete(p: Period, context: Period | null): Period {
  if (p.start !== null) return p;
  const start = context && context.start !== null && context.start <= p.end ? context.start : null;
  return { start, end: p.end };
}

// ---------------------------------------------------------------------------
// Lines, sentences, clauses, parts
// ---------------------------------------------------------------------------

const LIST_MARK = /^(?:[-+•*–—·▪●○◦►]+|\(?\d{1,2}[.)]|\(?[a-zđ]\)|[ivxlc]+[.)])\s+/i;

function stripListMark(line: string): string {
  return line.replace(LIST_MARK, "");
}

function isCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4) return false;
  return letters === letters.toLocaleUpperCase("vi") && letters !== letters.toLocaleLowerCase("vi");
}

interface Span {
  start: number;
  end: number;
}

const SENTENCE_BREAK = /(?<=[.!?…])\s+(?=[\p{Lu}“"'(•+\-–])/gu;

/** The sentences of `line` from `from` on, as spans: split after ".", "!", "?" followed by a capital, a quote or a list mark. */
function sentencesOf(line: string, from: number): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number) => {
    const text = line.slice(start, end);
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== "") out.push({ start: start + lead, end: start + text.trimEnd().length });
  };
  for (const m of line.slice(from).matchAll(SENTENCE_BREAK)) {
    push(from + m.index);
    start = from + m.index + m[0].length;
  }
  push(line.length);
  return out;
}

/** One sentence's share of its line's preparation, with positions from the sentence's start. */
function viewOf(p: Prepared, s: Span): Prepared {
  return {
    text: p.text.slice(s.start, s.end),
    folded: p.folded.slice(s.start, s.end),
    masked: p.masked.slice(s.start, s.end),
    mentions: p.mentions.filter((m) => m.at >= s.start && m.at < s.end).map((m) => ({ at: m.at - s.start, period: m.period })),
  };
}

/** Split `s` at `sep` outside parentheses and quotes; spans in `s`. */
function splitTop(s: string, sep: (s: string, i: number) => number): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === "“") quoted = true;
    else if (c === "”") quoted = false;
    else if (c === '"') quoted = !quoted;
    else if (depth === 0 && !quoted) {
      const len = sep(s, i);
      if (len > 0) {
        out.push({ start: from, end: i });
        from = i + len;
        i += len - 1;
      }
    }
  }
  out.push({ start: from, end: s.length });
  return out;
}

const clauseSep = (s: string, i: number) => (s[i] === ";" ? 1 : 0);
/** ", " (a comma between digits is a decimal mark: never a separator). */
const partSep = (s: string, i: number) => (s[i] === "," && (s[i + 1] === " " || s[i + 1] === undefined) ? 1 : 0);

const TRAILING = /[\s.;:,]+$/;
const tidy = (s: string) => s.replace(/\s+/g, " ").replace(TRAILING, "").replace(/^[\s,;:]+/, "");

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

interface Figure {
  /** In the sentence. */
  start: number;
  end: number;
  raw: string;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

function figuresIn(masked: string, from: number, to: number): Figure[] {
  const out: Figure[] = [];
  const part = masked.slice(from, to);
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(part); m !== null; m = NUMBER.exec(part)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, raw: m[0] });
  }
  return out;
}

const RANGE_JOIN = /^\s?%?\s?(?:-|–|—|den|toi)\s?$/;
const PERCENT_AFTER = /^\s?(?:%|diem phan tram|diem %|diem)/;

/** The words before position `at` (folded), at most `n`. */
function wordsBefore(f: string, at: number, n: number): string[] {
  return f
    .slice(Math.max(0, at - 40), at)
    .replace(/[^a-z0-9% ]/g, " ")
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "")
    .slice(-n);
}

// ---------------------------------------------------------------------------
// One target's words
// ---------------------------------------------------------------------------

interface Unit {
  start: number;
  end: number;
  child: boolean;
}

type UnitReading =
  | { ok: true; target: Omit<ReadTarget, "parentIndex" | "sentence" | "periodStart" | "periodEnd">; period: Period | null }
  | { ok: false; reason: NotUnderstoodReason }
  | null;

interface ReadContext {
  inBlock: boolean;
  parent: ReadTarget | null;
  /** The verb of the target before this one in the same clause ("giảm A 2%, B 1%"). */
  previousDecrease: boolean;
  /** The clause's words before its first target (folded), for that target only ("Hằng năm, phấn đấu …"). */
  preamble: string;
  /**
   * The next target's words in the same clause (folded), for a share said before its verb:
   * "30% huyện nghèo, 30% xã đặc biệt khó khăn … thoát khỏi tình trạng nghèo" (both leave).
   */
  following: string;
  allowed: ((code: string) => boolean) | null;
  catalogueNames: { code: string; folded: string }[];
}

function findIndicator(f: string, ctx: ReadContext): { code: string | null; hide: Span | null } {
  for (const w of INDICATOR_WORDING) {
    if (ctx.allowed && !ctx.allowed(w.code)) continue;
    const m = w.pattern.exec(f);
    if (m) return { code: w.code, hide: w.hidesGroupWords ? { start: m.index, end: m.index + m[0].length } : null };
  }
  for (const c of ctx.catalogueNames) {
    const at = f.indexOf(c.folded);
    if (c.folded.length >= 6 && at !== -1) return { code: c.code, hide: { start: at, end: at + c.folded.length } };
  }
  return { code: null, hide: null };
}

function findGroup(f: string): string {
  for (const g of GROUP_WORDING) if (g.test(f)) return g.code;
  return WHOLE_POPULATION;
}

function measureAfter(f: string, at: number): string | null {
  const rest = f.slice(at).replace(/^\s+/, "");
  for (const w of MEASURE_WORDS) if (rest.startsWith(w) && !/[a-z]/.test(rest.charAt(w.length))) return w;
  const m = /^[a-z]+/.exec(rest);
  return m ? m[0] : null;
}

/** The original words for a folded measure word found at `at` (e.g. "lao dong" → "lao động"). */
function originalWords(text: string, f: string, at: number, folded: string | null): string | null {
  if (folded === null) return null;
  const from = f.indexOf(folded, at);
  return from === -1 ? folded : text.slice(from, from + folded.length);
}

/** Kinds whose "trong đó" part about a sub-group, without a verb of its own, is a target of the same kind. */
const SAME_KIND_CHILD: ReadonlySet<TargetKind> = new Set(["DECREASE_BY", "AVERAGE_DECREASE", "REACH_AT_MOST", "REACH_AT_LEAST"]);

/** Words that may come before a level that opens its statement ("Phấn đấu có ít nhất 100% …"). */
const FIGURE_LEAD: ReadonlySet<string> = new Set(["phan", "dau", "co", "cho", "dat", "tren", "khoang", "it", "nhat", "toi", "thieu", "hon", "gan", "tu", "dam", "bao", "duy", "tri", "muc", "xap", "xi"]);

const ANNUAL = /\b(?:hang nam|moi nam)\b|\/\s?nam\b/;

/** The longest statement read as one target, in characters. */
const MAX_STATEMENT = 1500;

const EQUIVALENT = /tuong duong(?: voi)?(?: khoang)? (\d+(?:[.,]\d+)*)/;

/** One target's reading from its words (`statement`: the unit's text, tidied). */
function readUnit(p: Prepared, unit: Unit, statement: string, ctx: ReadContext): UnitReading {
  const { text, masked } = p;
  // A target is said in a line or two; a longer run of words is not read as one (and the
  // patterns below stay linear in the text).
  if (unit.end - unit.start > MAX_STATEMENT) return { ok: false, reason: "kind_unclear" };
  const own = masked.slice(unit.start, unit.end);
  if (statement === "") return null;

  // The equivalent in a second unit: "tương đương 2.273 hộ".
  let equivalentValue: number | null = null;
  let equivalentUnit: string | null = null;
  let equivalentSpan: Span | null = null;
  const eq = EQUIVALENT.exec(own);
  if (eq) {
    const numAt = unit.start + eq.index + eq[0].length - eq[1]!.length;
    const parsed = parseVietnameseNumber(eq[1]!, { measure: { measure: "COUNT" } });
    if (!parsed.ok) return { ok: false, reason: "number_unclear" };
    equivalentValue = parsed.value;
    const word = measureAfter(masked, numAt + eq[1]!.length);
    equivalentUnit = originalWords(text, masked, numAt + eq[1]!.length, word);
    equivalentSpan = { start: numAt, end: numAt + eq[1]!.length };
  }

  const figures = figuresIn(masked, unit.start, unit.end).filter((x) => !equivalentSpan || x.start !== equivalentSpan.start);
  // "30% huyện nghèo, 30% xã … thoát khỏi …": a share of units without its verb takes the next one's.
  const unitsShare = /^\s*(?:\S+\s+){0,3}?\d[\d.,]*\s?%\s?(?:so |cac |tong so )?(?:huyen|xa|thon|ban|don vi|tinh)\b/.test(own);
  const sharesVerb = unitsShare && !/thoat khoi|ra khoi|dat chuan|hoan thanh/.test(own) && /thoat khoi|ra khoi|dat chuan|hoan thanh/.test(ctx.following);
  const indicator = findIndicator(sharesVerb ? `${own} ${ctx.following}` : own, ctx);
  let groupText = own;
  if (indicator.hide) groupText = blank(own, indicator.hide.start, indicator.hide.end);
  const groupCode = findGroup(groupText);
  const annual = ANNUAL.test(own) || ANNUAL.test(ctx.preamble);
  const average = /\bbinh quan\b/.test(own) && !/thu nhap binh quan/.test(own);
  const decrease = /\bgiam\b(?! ngheo)/.test(own);

  const base = {
    indicatorCode: indicator.code,
    groupCode,
    lower: null as number | null,
    upper: null as number | null,
    strict: false,
    approximate: false,
    annual: false,
    baseline: null as number | null,
    equivalentValue,
    equivalentUnit,
    measureWord: null as string | null,
    statement,
  };

  if (figures.length === 0) {
    if (!ctx.inBlock) return null;
    return {
      ok: true,
      target: { ...base, kind: "QUALITATIVE", equivalentValue: null, equivalentUnit: null, indicatorCode: indicator.code ?? (ctx.parent && unit.child ? ctx.parent.indicatorCode : null) },
      period: null,
    };
  }

  // Which figures are the target's: one, a range ("2 – 2,5%"), or a start and a level ("từ 5,2% xuống còn 3%").
  let first = figures[0]!;
  let second: Figure | null = null;
  let baselineFigure: Figure | null = null;
  if (figures.length === 2) {
    const between = masked.slice(figures[0]!.end, figures[1]!.start);
    if (RANGE_JOIN.test(between)) second = figures[1]!;
    else if (/^\s?%?\s?(?:xuong(?: con)?|con|len(?: muc)?)(?: duoi| tren)?\s?$/.test(between) && wordsBefore(masked, figures[0]!.start, 1)[0] === "tu") {
      // "từ 5,2% xuống còn 3%", "từ 28% lên 35%": where it starts, and the level.
      baselineFigure = figures[0]!;
      first = figures[1]!;
    } else return { ok: false, reason: "several_figures" };
  } else if (figures.length > 2) return { ok: false, reason: "several_figures" };

  const last = second ?? first;
  const after = masked.slice(last.end, unit.end);
  const percent = PERCENT_AFTER.test(after) || (second !== null && /^\s?%/.test(masked.slice(first.end)));
  const isCount = !percent;
  const measure = isCount ? { measure: "COUNT" as const } : { measure: "RATE" as const };
  const parse = (x: Figure) => parseVietnameseNumber(x.raw, { measure });
  const lowerParsed = parse(first);
  const upperParsed = second ? parse(second) : null;
  const baselineParsed = baselineFigure ? parse(baselineFigure) : null;
  if (!lowerParsed.ok || (upperParsed && !upperParsed.ok) || (baselineParsed && !baselineParsed.ok)) return { ok: false, reason: "number_unclear" };
  const lower = lowerParsed.value;
  const upper = upperParsed && upperParsed.ok ? upperParsed.value : null;
  if (upper !== null && upper < lower) return { ok: false, reason: "number_unclear" };

  // The words just before the figure: strictness, approximation, direction.
  const before = wordsBefore(masked, first.start, 4);
  const near = before.join(" ");
  const hon = /\bhon$/.test(near) || /\bhon (?:khoang )?$/.test(near + " ");
  const tren = /\btren$/.test(near) && !/\btren duoi$/.test(near);
  const duoi = /\bduoi$/.test(near) && !/\b(?:khong|tren) duoi$/.test(near);
  const approximate = hon || /\b(?:khoang|gan|xap xi|tren duoi|chung|uoc)$/.test(near) || /\b(?:khoang|gan) (?:tu|den)$/.test(near);
  const strict = hon || tren || duoi;
  const atMostWords = /\b(?:xuong(?: con)?|con|khong qua|toi da|xuong duoi|con duoi|xuong muc)(?: duoi)?$/.test(near) || (duoi && /\b(?:xuong|con|giam|ty le)\b/.test(own));
  const measureWord = percent ? "%" : originalWords(text, masked, last.end, measureAfter(masked, last.end));
  const factorAfter = /^\s?lan\b/.test(after);
  const unitsAfter = /^\s?%\s?(?:so |cac |tong so )?(?:huyen|xa|thon|ban|don vi|tinh|thon, ban|xa, thon)\b/.test(after);

  let kind: TargetKind | null = null;
  let indicatorCode = indicator.code;
  if (unit.child && ctx.parent && ctx.parent.kind === "COUNT" && percent && !decrease && !/\bty le\b/.test(masked.slice(unit.start, first.start))) {
    kind = "SHARE_OF_PARENT";
    indicatorCode = ctx.parent.indicatorCode;
  } else if (
    unit.child &&
    ctx.parent &&
    percent &&
    SAME_KIND_CHILD.has(ctx.parent.kind) &&
    !/\b(?:giam|xuong|con|len|tang|nang|lan)\b/.test(own)
  ) {
    // "…, trong đó hộ nghèo dân tộc Khmer đạt từ 3 – 3,5%": the part says the same of a sub-group.
    kind = ctx.parent.kind;
  } else if (factorAfter) {
    kind = /\b(?:tang|gap|nang)\b/.test(own) ? "INCREASE_FACTOR" : null;
  } else if (percent && unitsAfter && (sharesVerb || /thoat khoi|ra khoi|dat chuan|hoan thanh/.test(own))) {
    kind = "SHARE_OF_UNITS";
  } else if (average && decrease && percent) {
    kind = "AVERAGE_DECREASE";
  } else if (percent && atMostWords && (decrease || /\bty le\b/.test(own) || ctx.previousDecrease)) {
    kind = "REACH_AT_MOST";
  } else if (decrease || (ctx.previousDecrease && /\bty le\b/.test(own) && percent && !/\b(?:dat|len|tang|nang)\b/.test(own))) {
    kind = "DECREASE_BY";
  } else if (percent) {
    // A level to reach: "đạt …", "lên …", "nâng …", a figure that opens the statement ("Phấn đấu
    // 100% hộ …"), or a rate of something to raise ("… cho 100% hộ nghèo … bảo hiểm y tế").
    // Never for a rate the plan wants lower (the poor-household rate): that needs "giảm"/"còn".
    const leadWords = masked.slice(unit.start, first.start).replace(/[^a-z ]/g, " ").trim().split(/\s+/).filter((w) => w !== "");
    const figureLed = leadWords.every((w) => FIGURE_LEAD.has(w));
    const rising = /\b(?:dat|len)\b/.test(near) || /\b(?:dat|nang|len)\b/.test(own) || figureLed;
    const lowerIsBetter = indicatorCode === "poor-rate" || indicatorCode === "near-poor-rate";
    const rateIndicator = indicatorCode !== null && /rate|insurance/.test(indicatorCode);
    const increaseBy = /\btang\b/.test(own) && !/\blen\b/.test(own) && !/\bdat\b/.test(own);
    if (upper === null && !lowerIsBetter && (rising || rateIndicator) && !increaseBy) kind = "REACH_AT_LEAST";
  } else {
    kind = "COUNT";
  }
  if (kind === null) return { ok: false, reason: "kind_unclear" };
  if (kind === "REACH_AT_MOST" || kind === "REACH_AT_LEAST") {
    if (upper !== null) return { ok: false, reason: "kind_unclear" };
  }
  if (indicatorCode === null && unit.child && ctx.parent && kind !== "QUALITATIVE") indicatorCode = ctx.parent.indicatorCode;
  // "Percent changes in these plans are percentage points": a decrease of a count ("giảm 2.000 hộ nghèo") names no rate.
  if (kind === "DECREASE_BY" && !percent && indicatorCode !== null && /rate/.test(indicatorCode)) indicatorCode = null;

  const inheritsAnnual = unit.child && ctx.parent !== null && ctx.parent.annual && kind === ctx.parent.kind;
  const notAnnual = kind === "AVERAGE_DECREASE" || kind === "INCREASE_FACTOR" || kind === "SHARE_OF_UNITS";
  return {
    ok: true,
    target: {
      ...base,
      kind,
      indicatorCode,
      lower,
      upper,
      strict,
      approximate,
      annual: (annual || inheritsAnnual) && !notAnnual,
      baseline: baselineParsed && baselineParsed.ok ? baselineParsed.value : null,
      measureWord: kind === "INCREASE_FACTOR" ? "lần" : measureWord,
    },
    period: null,
  };
}

// ---------------------------------------------------------------------------
// Putting it together
// ---------------------------------------------------------------------------

/** A part's start past list marks and connectives, and whether a target verb opens it there (its offset, or -1). */
function starterAt(folded: string, span: Span): number {
  let s = span.start;
  const lead = /^[\s\-+•*–—·(]*/.exec(folded.slice(s, span.end));
  s += lead ? lead[0].length : 0;
  for (let i = 0; i < 3; i++) {
    const c = CONNECTIVE.exec(folded.slice(s, span.end));
    if (!c || c[0].length === 0) break;
    s += c[0].length;
  }
  const rest = folded.slice(s, span.end);
  if (STARTER.test(rest)) return s;
  // "…, tỉnh phấn đấu giảm …": the target starts at "phấn đấu".
  const pd = /\bphan dau\b/.exec(rest);
  return pd ? s + pd.index : -1;
}

const PAST = /(?:^|[^\p{L}])đã(?=[^\p{L}]|$)/u;
const FUTURE_MARKERS = /\b(?:phan dau|se|muc tieu|chi tieu)\b/;

export function readPlanText(input: string, options: ReaderOptions = {}): PlanTextReading {
  const targets: ReadTarget[] = [];
  const notUnderstood: NotUnderstood[] = [];
  const allowedCodes = options.indicators ? new Set(options.indicators.map((i) => i.code)) : null;
  const base: Omit<ReadContext, "inBlock" | "parent" | "previousDecrease" | "preamble" | "following"> = {
    allowed: allowedCodes ? (code) => allowedCodes.has(code) : null,
    catalogueNames: (options.indicators ?? []).map((i) => ({ code: i.code, folded: fold(i.name).replace(/\s+/g, " ").trim() })),
  };

  let context: Period | null = null;
  /** In a block of targets opened by a heading line, which lasts to the next section heading. */
  let inHeadedBlock = false;

  const lines = input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u202F\u2009\t\u200B\uFEFF]/g, " ")
    .split("\n");

  for (const rawLine of lines) {
    const line = rawLine.replace(/\s+/g, " ").trim();
    if (line === "") continue;
    const content = stripListMark(line);
    const endsSentence = /[.;:!?…]["”)]?$/.test(content);
    const prepared = prepare(content);
    const fContent = prepared.folded;
    const hasFigure = figuresIn(prepared.masked, 0, content.length).length > 0;
    const firstPeriod = prepared.mentions[0]?.period ?? null;

    if (isCapitals(content)) {
      // A heading: it names the period that follows, and may open or close a block of targets.
      if (firstPeriod) context = complete(firstPeriod, context);
      if (TARGET_BLOCK.test(fContent)) inHeadedBlock = true;
      else if (!/^ve\b/.test(fContent)) inHeadedBlock = false;
      continue;
    }
    if (SECTION_WORDS.test(fContent) && (!endsSentence || /^[^:]{0,60}:/.test(content))) {
      inHeadedBlock = false;
      if (!endsSentence) {
        if (firstPeriod) context = complete(firstPeriod, context);
        continue;
      }
    }
    /** An inline block ("Mục tiêu cụ thể: …") lasts to the end of its line; its targets start after the colon. */
    let inline = false;
    let bodyStart = 0;
    if (TARGET_BLOCK.test(fContent)) {
      const colon = content.indexOf(":");
      if (colon !== -1 && content.slice(colon + 1).trim() !== "") {
        inline = true;
        bodyStart = colon + 1;
        // "Mục tiêu cụ thể năm 2024: …": the heading's period is the targets'.
        const headingPeriod = prepared.mentions.find((m) => m.at < colon)?.period;
        if (headingPeriod) context = complete(headingPeriod, context);
      } else if (!hasFigure) {
        inHeadedBlock = true;
        if (firstPeriod) context = complete(firstPeriod, context);
        continue;
      } else {
        inHeadedBlock = true;
      }
    }
    // A topic heading inside a block ("Về lĩnh vực giảm nghèo"), or a title line: context only.
    if (!endsSentence && !hasFigure) {
      if (firstPeriod) context = complete(firstPeriod, context);
      continue;
    }
    const inBlock = inline || inHeadedBlock;

    for (const span of sentencesOf(content, bodyStart)) {
      const p = viewOf(prepared, span);
      const sentenceText = p.text;
      const shownSentence = sentenceText.replace(/\s+/g, " ").replace(/[\s./]+$/, (m) => (m.includes(".") ? "." : "")).trim();
      const lower = sentenceText.toLocaleLowerCase("vi");
      const past = PAST.test(lower) && !FUTURE_MARKERS.test(p.folded);
      const introduces = /:\s*$/.test(sentenceText);
      const sentencePeriod = p.mentions[0]?.period ?? null;

      if (!past && !introduces) {
        let parent: ReadTarget | null = null;
        /** Qualitative parts of this sentence waiting to be merged into one target. */
        let pendingQualitative: { target: ReadTarget } | null = null;

        for (const clause of splitTop(sentenceText, clauseSep)) {
          const parts = splitTop(sentenceText.slice(clause.start, clause.end), partSep).map((s) => ({ start: s.start + clause.start, end: s.end + clause.start }));
          const units: Unit[] = [];
          let current: Unit | null = null;
          let currentHasFigure = false;
          for (const part of parts) {
            const at = starterAt(p.folded, part);
            const partHead = p.folded.slice(part.start, part.end).trimStart();
            const child = /^trong do\b/.test(partHead);
            const equivalent = /^tuong duong\b/.test(partHead);
            if (equivalent && current) {
              current.end = part.end;
              continue;
            }
            if (child) {
              if (current) units.push(current);
              current = { start: part.start, end: part.end, child: true };
              currentHasFigure = figuresIn(p.masked, part.start, part.end).length > 0;
              continue;
            }
            if (at !== -1 && (current === null || currentHasFigure)) {
              if (current) units.push(current);
              current = { start: at, end: part.end, child: false };
              currentHasFigure = figuresIn(p.masked, at, part.end).length > 0;
              continue;
            }
            if (current) {
              current.end = part.end;
              currentHasFigure ||= figuresIn(p.masked, part.start, part.end).length > 0;
            } else if (inBlock) {
              current = { start: part.start, end: part.end, child: false };
              currentHasFigure = figuresIn(p.masked, part.start, part.end).length > 0;
            }
          }
          if (current) units.push(current);

          let previousDecrease = false;
          for (const [u, unit] of units.entries()) {
            const preamble = u === 0 ? p.masked.slice(clause.start, unit.start) : "";
            const next = units[u + 1];
            const following = next && !next.child ? p.masked.slice(next.start, next.end) : "";
            const statementText = tidy(sentenceText.slice(unit.start, unit.end));
            const reading = readUnit(p, unit, statementText, { ...base, inBlock, parent: unit.child ? parent : null, previousDecrease, preamble, following });
            if (reading === null) continue;
            if (!reading.ok) {
              notUnderstood.push({ reason: reading.reason, sentence: shownSentence, statement: statementText });
              pendingQualitative = null;
              continue;
            }
            previousDecrease = /\bgiam\b(?! ngheo)/.test(p.folded.slice(unit.start, unit.end));
            // The period: the target's own words, else the sentence's before it, else the text's before the sentence.
            const ownMention = p.mentions.find((m) => m.at >= unit.start && m.at < unit.end);
            const earlier = [...p.mentions].reverse().find((m) => m.at < unit.start);
            // A period said once for the whole sentence, after its targets ("…, tỷ lệ hộ cận nghèo 1% trong năm 2024").
            const later = p.mentions.find((m) => m.at >= unit.end);
            const named = ownMention?.period ?? earlier?.period ?? later?.period ?? null;
            const period = named ? complete(named, context) : context;
            const target: ReadTarget = {
              ...reading.target,
              periodStart: period?.start ?? null,
              periodEnd: period?.end ?? null,
              parentIndex: unit.child && parent ? targets.indexOf(parent) : null,
              sentence: shownSentence,
            };
            if (target.kind === "QUALITATIVE") {
              if (pendingQualitative && !unit.child) {
                // Qualitative clauses in a row in one sentence state one target.
                const t = pendingQualitative.target;
                t.statement = `${t.statement}; ${target.statement}`;
                if (t.indicatorCode === null) t.indicatorCode = target.indicatorCode;
                if (t.groupCode === WHOLE_POPULATION) t.groupCode = target.groupCode;
                continue;
              }
              targets.push(target);
              pendingQualitative = { target };
              if (!unit.child) parent = target;
              continue;
            }
            pendingQualitative = null;
            targets.push(target);
            if (!unit.child) parent = target;
          }
        }
      }
      if (sentencePeriod) context = complete(sentencePeriod, context);
    }
    // An inline block also ends a block opened by an earlier heading.
    if (inline) inHeadedBlock = false;
  }
  return { targets, notUnderstood };
}
