-- Hand-written: the CHECK constraints of the three kinds added by the previous migration
-- (docs/domain.md, "Targets and their kinds"; the same rules as validateTargetSpec in
-- lib/domain/targets.ts, kept here for writes that do not pass through the portal).
-- Prisma's diff ignores CHECK constraints, so this migration causes no drift.

ALTER TABLE "target"
  -- "tăng 1,5 lần": a factor above 1, from a baseline above 0 (zero cannot be multiplied).
  ADD CONSTRAINT "target_factor_check" CHECK (
    "kind" <> 'INCREASE_FACTOR' OR ("lower" > 1 AND ("baseline" IS NULL OR "baseline" > 0))),
  -- "30% huyện nghèo …": a share in %, of a whole number of units.
  ADD CONSTRAINT "target_units_share_check" CHECK (
    "kind" <> 'SHARE_OF_UNITS'
    OR ("lower" > 0 AND "lower" <= 100 AND ("upper" IS NULL OR "upper" <= 100)
        AND ("baseline" IS NULL OR ("baseline" >= 1 AND "baseline" = trunc("baseline"))))),
  -- "giảm bình quân 1–1,5%/năm": a decrease above 0 a year.
  ADD CONSTRAINT "target_average_decrease_check" CHECK ("kind" <> 'AVERAGE_DECREASE' OR "lower" > 0),
  -- These kinds are judged over their whole period, never year by year.
  ADD CONSTRAINT "target_kind_not_annual_check" CHECK (
    NOT "annual" OR "kind" NOT IN ('INCREASE_FACTOR', 'SHARE_OF_UNITS', 'AVERAGE_DECREASE'));
