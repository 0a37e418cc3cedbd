-- Hand-written: CHECK constraints, which prisma/schema.prisma cannot express.
-- Prisma's diff ignores CHECK constraints, so this migration causes no drift.

ALTER TABLE "admin_unit"
  ADD CONSTRAINT "admin_unit_validity_check" CHECK ("validFrom" IS NULL OR "validTo" IS NULL OR "validFrom" <= "validTo"),
  ADD CONSTRAINT "admin_unit_parent_not_self_check" CHECK ("parentId" IS NULL OR "parentId" <> "id"),
  ADD CONSTRAINT "admin_unit_successor_not_self_check" CHECK ("successorId" IS NULL OR "successorId" <> "id");

ALTER TABLE "programme"
  ADD CONSTRAINT "programme_period_check" CHECK ("periodStart" <= "periodEnd");

ALTER TABLE "plan"
  ADD CONSTRAINT "plan_period_check" CHECK ("periodStart" <= "periodEnd" AND "periodStart" BETWEEN 1945 AND 2100 AND "periodEnd" BETWEEN 1945 AND 2100),
  ADD CONSTRAINT "plan_issue_year_check" CHECK ("issuedOn" IS NULL OR EXTRACT(YEAR FROM "issuedOn") = "issueYear"),
  ADD CONSTRAINT "plan_code_not_blank_check" CHECK ("code" IS NULL OR btrim("code") <> ''),
  ADD CONSTRAINT "plan_title_not_blank_check" CHECK (btrim("title") <> '');

ALTER TABLE "target"
  ADD CONSTRAINT "target_period_check" CHECK ("periodStart" <= "periodEnd"),
  ADD CONSTRAINT "target_bounds_check" CHECK ("lower" IS NULL OR "upper" IS NULL OR "lower" <= "upper"),
  ADD CONSTRAINT "target_lower_nonnegative_check" CHECK ("lower" IS NULL OR "lower" >= 0),
  ADD CONSTRAINT "target_kind_bounds_check" CHECK (
    CASE
      WHEN "kind" = 'QUALITATIVE' THEN "lower" IS NULL AND "upper" IS NULL
      ELSE "lower" IS NOT NULL
    END),
  ADD CONSTRAINT "target_share_check" CHECK ("kind" <> 'SHARE_OF_PARENT' OR ("parentId" IS NOT NULL AND "lower" <= 100)),
  ADD CONSTRAINT "target_parent_not_self_check" CHECK ("parentId" IS NULL OR "parentId" <> "id");

ALTER TABLE "result"
  ADD CONSTRAINT "result_year_check" CHECK ("year" BETWEEN 1945 AND 2100),
  ADD CONSTRAINT "result_version_check" CHECK ("version" >= 1);

ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_jurisdiction_check" CHECK ("role" = 'ADMIN' OR "unitId" IS NOT NULL),
  ADD CONSTRAINT "app_user_email_lowercase_check" CHECK ("email" = lower("email"));
