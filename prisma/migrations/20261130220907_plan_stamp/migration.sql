-- CreateTable
CREATE TABLE "plan_stamp" (
    "planId" TEXT NOT NULL,
    "stamp" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "plan_stamp_pkey" PRIMARY KEY ("planId")
);

-- Hand-written below: what moves a plan's stamp (lib/data/plan-summaries.ts keeps the public
-- counts by status per plan and recounts a plan only when its stamp moved). Statement-level
-- triggers with transition tables: an import of a thousand rows moves each plan's stamp once.
-- Stamps are taken in plan id order, so two writers never wait on each other in a cycle.
CREATE FUNCTION "bump_plan_stamps"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "plan_stamp" ("planId", "stamp")
  SELECT DISTINCT id, 1 FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id
  ON CONFLICT ("planId") DO UPDATE SET "stamp" = "plan_stamp"."stamp" + 1;
$$;

-- A plan's own row (its status decides whether its targets count).
CREATE FUNCTION "plan_stamp_from_plan"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "bump_plan_stamps"(ARRAY[OLD."id"]);
  ELSE
    PERFORM "bump_plan_stamps"(ARRAY[NEW."id"]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "plan_plan_stamp" AFTER INSERT OR UPDATE OR DELETE ON "plan"
  FOR EACH ROW EXECUTE FUNCTION "plan_stamp_from_plan"();

-- Targets: their status, unit and plan decide what is counted where.
CREATE FUNCTION "plan_stamp_from_targets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "bump_plan_stamps"(ARRAY(SELECT "planId" FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "bump_plan_stamps"(ARRAY(SELECT "planId" FROM old_rows UNION SELECT "planId" FROM new_rows));
  ELSE
    PERFORM "bump_plan_stamps"(ARRAY(SELECT "planId" FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "target_plan_stamp_insert" AFTER INSERT ON "target"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_stamp_from_targets"();
CREATE TRIGGER "target_plan_stamp_update" AFTER UPDATE ON "target"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_stamp_from_targets"();
CREATE TRIGGER "target_plan_stamp_delete" AFTER DELETE ON "target"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_stamp_from_targets"();

-- The progress summary's rows: a target's status for today (written by the refresh after a
-- result changed, and for every target on a new day).
CREATE FUNCTION "plan_stamp_from_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "bump_plan_stamps"(ARRAY(SELECT t."planId" FROM old_rows o JOIN "target" t ON t."id" = o."targetId"));
  ELSE
    PERFORM "bump_plan_stamps"(ARRAY(SELECT t."planId" FROM new_rows n JOIN "target" t ON t."id" = n."targetId"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "target_progress_plan_stamp_insert" AFTER INSERT ON "target_progress"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_stamp_from_progress"();
CREATE TRIGGER "target_progress_plan_stamp_update" AFTER UPDATE ON "target_progress"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_stamp_from_progress"();
CREATE TRIGGER "target_progress_plan_stamp_delete" AFTER DELETE ON "target_progress"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_stamp_from_progress"();

-- Every plan there is now, so that a reader has a stamp for each.
INSERT INTO "plan_stamp" ("planId", "stamp") SELECT "id", 0 FROM "plan";
