/**
 * What the plan-text reader proposes (docs/domain.md, "Reading plan text"). Pure types: the
 * reader lives in ./read.ts; the API and the authoring screen map indicator and group codes
 * onto the catalogue.
 */
import type { TargetAmounts } from "../targets";

/** One target the reader proposes, in the words and order of the text: a target's amounts (kind, bounds, strictness, …), its words, and where it came from. */
export interface ReadTarget extends Omit<TargetAmounts, "periodStart" | "periodEnd"> {
  /** Catalogue code of the indicator ("poor-rate", "jobs", …); null when the text names none the reader knows. */
  indicatorCode: string | null;
  /** Catalogue code of the population group; "all" when the text names no sub-group. */
  groupCode: string;
  /** The period, from the sentence itself or from the text before it (a heading, the title); null when the text gives none. */
  periodStart: number | null;
  periodEnd: number | null;
  /** "tương đương 2.273 hộ": the same target in a second unit. */
  equivalentValue: number | null;
  equivalentUnit: string | null;
  /** The word the text measures its figure in: "%", "lao động", "người", "hộ", "lần"; null for qualitative targets. */
  measureWord: string | null;
  /** Index, in the same list, of the target this one is a "trong đó" part of; null for none. */
  parentIndex: number | null;
  /** The whole sentence the target was read from, as the text has it (whitespace collapsed). */
  sentence: string;
  /** This target's own words within the sentence (a clause; the sentence when it states one target). */
  statement: string;
}

/** Why a statement that looks like a target was not read as one. */
export type NotUnderstoodReason =
  /** A figure the reader cannot read without guessing ("2.400.5", "2,5,3", "1 – 2 – 3"). */
  | "number_unclear"
  /** Figures, but no wording the reader knows says what is to happen to them. */
  | "kind_unclear"
  /** More than one figure where one target takes one (or one range): which is the target's is not said. */
  | "several_figures";

/** A statement the reader saw but could not turn into a target; shown to the officer, never guessed. */
export interface NotUnderstood {
  reason: NotUnderstoodReason;
  sentence: string;
  statement: string;
}

export interface PlanTextReading {
  targets: ReadTarget[];
  notUnderstood: NotUnderstood[];
}

export interface ReaderOptions {
  /**
   * The indicator catalogue (code and name). A known phrase maps onto a code only when that code is
   * in the catalogue; an indicator named verbatim in the text is found by its catalogue name.
   * Without it, every code the reader knows is allowed.
   */
  indicators?: readonly { code: string; name: string }[];
}
