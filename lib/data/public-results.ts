// Which results the public sees, and with which figure: the one rule (docs/domain.md, "Results").
// A result is public when it is published, or when a published figure was reopened for
// correction: the public keeps seeing the figure it saw ("publishedValue", kept by a trigger
// whoever writes), marked as being corrected ("đang điều chỉnh"), until the corrected one is
// published. Whether its target and plan are published is checked where the query joins them.
// A figure a plan states without a target of its own ("reportedInPlanId", a plan's "kết quả đã
// đạt") is public only while that plan is: reopened to a draft, the plan takes it off the public
// side with its targets.
import { Prisma } from "../generated/prisma/client";

/** A result the public may see (by its own status; the target and plan are checked by the caller). */
export const PUBLIC_RESULT = { OR: [{ status: "PUBLISHED" }, { publishedValue: { not: null } }] } satisfies Prisma.ResultWhereInput;

/** The same in SQL, for a result aliased `r`. */
export const PUBLIC_RESULT_SQL = Prisma.sql`(r."status" = 'PUBLISHED' OR r."publishedValue" IS NOT NULL)`;

/**
 * A result the public sees, its target and plan checked too: public by its own status, and either
 * on a published target of a published plan, or without a target and stated by no plan or by a
 * published one.
 */
export const VISIBLE_RESULT = {
  AND: [
    PUBLIC_RESULT,
    {
      OR: [
        { targetId: null, OR: [{ reportedInPlanId: null }, { reportedInPlan: { status: "PUBLISHED" } }] },
        { target: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } },
      ],
    },
  ],
} satisfies Prisma.ResultWhereInput;

/** What VISIBLE_RESULT_SQL reads from: results `r`, each joined to its target `t` and that target's plan `p`. */
export const VISIBLE_RESULT_FROM = Prisma.sql`"result" r LEFT JOIN "target" t ON t."id" = r."targetId" LEFT JOIN "plan" p ON p."id" = t."planId"`;

/** VISIBLE_RESULT in SQL, over VISIBLE_RESULT_FROM. */
export const VISIBLE_RESULT_SQL = Prisma.sql`${PUBLIC_RESULT_SQL} AND (
  (r."targetId" IS NULL AND (r."reportedInPlanId" IS NULL OR EXISTS (SELECT 1 FROM "plan" rp WHERE rp."id" = r."reportedInPlanId" AND rp."status" = 'PUBLISHED')))
  OR (t."status" = 'PUBLISHED' AND p."status" = 'PUBLISHED'))`;

/** The figure the public sees, in SQL (for a result aliased `r`). */
export const PUBLIC_VALUE_SQL = Prisma.sql`(CASE WHEN r."status" = 'PUBLISHED' THEN r."value" ELSE r."publishedValue" END)`;

/** What a read must select to show a result's public figure. */
export const publicFigureSelect = { status: true, value: true, baseline: true, publishedValue: true, publishedBaseline: true } as const satisfies Prisma.ResultSelect;

type TStoredFigure = { status: string; value: Prisma.Decimal; baseline: Prisma.Decimal | null; publishedValue: Prisma.Decimal | null; publishedBaseline: Prisma.Decimal | null };

/**
 * A stored result as the public sees it: the published figure (the kept one while it is being
 * corrected), and `adjusting` when a correction is under way. The stored status and kept
 * figures are dropped.
 */
export function publicResult<R extends TStoredFigure>(r: R): Omit<R, "status" | "publishedValue" | "publishedBaseline"> & { adjusting: boolean } {
  const { status, publishedValue, publishedBaseline, ...rest } = r;
  const adjusting = status !== "PUBLISHED";
  return { ...rest, value: adjusting && publishedValue !== null ? publishedValue : r.value, baseline: adjusting ? publishedBaseline : r.baseline, adjusting };
}
