// POST /api/v1/targets/parse (docs/api.md, "Reading plan text"): reading the body, and the answer's
// shape. The body is plain text (Content-Type: text/plain, any charset parameter, the bytes UTF-8),
// at most MAX_PLAN_TEXT_BYTES, refused with 413 without reading past the limit. The answer lists
// the proposed targets in the API's Target shape without ids, the reader's codes mapped onto the
// catalogue; nothing is written.
import { readBodyCapped } from "../auth/request-body";
import type { PlanTextReading } from "../domain/plan-text/types";
import { MAX_PLAN_TEXT_BYTES } from "../validation/plan-text";
import { ApiError, mediaType } from "./http";
import { apiTargetTerms } from "./serialize";

const PLAIN_TEXT = "text/plain";

/** The body as text: plain text only, at most MAX_PLAN_TEXT_BYTES bytes, UTF-8. */
export async function readPlanTextBody(req: Request): Promise<string> {
  const type = mediaType(req.headers.get("content-type"));
  if (type !== PLAIN_TEXT) {
    await req.body?.cancel().catch(() => {});
    throw new ApiError(
      "bad_request",
      `Kiểu nội dung không hỗ trợ${type ? ` (${type.slice(0, 60)})` : ""}: gửi văn bản thuần với Content-Type: text/plain; charset=utf-8 / ` +
        `unsupported content type${type ? ` (${type.slice(0, 60)})` : ""}: send plain text with Content-Type: text/plain; charset=utf-8`,
    );
  }
  const bytes = await readBodyCapped(req, MAX_PLAN_TEXT_BYTES);
  if (!bytes) {
    throw new ApiError(
      "too_large",
      "Văn bản quá dài (tối đa 64 KB, tức 65.536 byte); hãy gửi từng phần, ví dụ phần mục tiêu / " +
        "the text is too long (at most 64 KB, 65,536 bytes); send it in parts, e.g. the section with the targets",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("bad_request", "Văn bản không phải UTF-8; hãy lưu hoặc gửi dưới dạng UTF-8 / the text is not UTF-8; save or send it as UTF-8");
  }
}

type TCatalogue = {
  indicators: readonly { code: string; name: string; measureUnit: string }[];
  groups: readonly { code: string; name: string; nameEn: string }[];
};

/** A proposed target: the API's Target shape without ids, progress or unit, with the sentence it was read from. */
/**
 * A proposed target: the API's Target terms (lib/api/serialize.ts) without ids or progress, with
 * `unit` and `parentId` always null (the text does not fix the administrative unit, and nothing is
 * stored: `parentIndex` says which proposal this one is a "trong đó" part of), and the sentence it
 * was read from.
 */
export type TProposedTarget = ReturnType<typeof apiTargetTerms> & {
  unit: null;
  parentId: null;
  /** The word the text measures its figure in ("%", "lao động", "lượt hộ", "lần"): "lượt hộ" is not "hộ", so it is said as written. */
  measure: string | null;
  sentence: string;
  parentIndex: number | null;
};

export type TParseAnswer = {
  data: TProposedTarget[];
  notUnderstood: { reason: string; sentence: string; statement: string }[];
};

/** The reader's proposals as the API answers them, its indicator and group codes mapped onto the catalogue. */
export function toParseAnswer(reading: PlanTextReading, catalogue: TCatalogue): TParseAnswer {
  const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const groups = new Map(catalogue.groups.map((g) => [g.code, g]));
  return {
    data: reading.targets.map((t) => {
      const indicator = t.indicatorCode ? indicators.get(t.indicatorCode) : undefined;
      const group = groups.get(t.groupCode);
      return {
        // A group the catalogue does not hold is said as unknown (null), never shown as the whole unit.
        ...apiTargetTerms({ ...t, indicator: indicator ?? null, group: group ?? null }),
        unit: null,
        parentId: null,
        sentence: t.sentence,
        measure: t.measureWord,
        parentIndex: t.parentIndex,
      };
    }),
    notUnderstood: reading.notUnderstood.map((n) => ({ reason: n.reason, sentence: n.sentence, statement: n.statement })),
  };
}
