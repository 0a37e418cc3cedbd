-- CreateTable
CREATE TABLE "target_progress" (
    "targetId" TEXT NOT NULL,
    "computedFor" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "percent" DECIMAL(16,4),
    "progress" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_progress_pkey" PRIMARY KEY ("targetId")
);

-- CreateTable
CREATE TABLE "target_change" (
    "id" BIGSERIAL NOT NULL,
    "targetId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public_data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "lastTx" BIGINT,

    CONSTRAINT "public_data_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "target_progress_status_idx" ON "target_progress"("status");

-- CreateIndex
CREATE INDEX "target_change_targetId_idx" ON "target_change"("targetId");

-- AddForeignKey
ALTER TABLE "target_progress" ADD CONSTRAINT "target_progress_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: the triggers that keep the progress summary and the public
-- cache version honest whatever writes the data (the portal, the CLI, an import, psql).
-- Prisma's diff ignores functions and triggers, so they cause no drift.

ALTER TABLE "public_data_version" ADD CONSTRAINT "public_data_version_single_row_check" CHECK ("id" = 1);
INSERT INTO "public_data_version" ("id", "version") VALUES (1, 0);

-- A target's progress depends on the target, its published results and, for a share of
-- a parent, the parent's results: a write to any of them queues the target and its
-- sub-targets. Inserts only, so concurrent writers never wait on each other here.
CREATE FUNCTION "queue_target_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  IF TG_TABLE_NAME = 'target' THEN
    ids := ARRAY[NEW."id"];
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY[OLD."targetId"];
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY[OLD."targetId", NEW."targetId"];
  ELSE
    ids := ARRAY[NEW."targetId"];
  END IF;
  INSERT INTO "target_change" ("targetId")
    SELECT DISTINCT t."id" FROM "target" t
    WHERE t."id" = ANY(ids) OR t."parentId" = ANY(ids);
  RETURN NULL;
END $$;

CREATE TRIGGER "target_queue_change" AFTER INSERT OR UPDATE ON "target"
  FOR EACH ROW EXECUTE FUNCTION "queue_target_change"();
CREATE TRIGGER "result_queue_change" AFTER INSERT OR UPDATE OR DELETE ON "result"
  FOR EACH ROW EXECUTE FUNCTION "queue_target_change"();

-- The public cache version: bumped once per writing transaction, at commit (deferred), so
-- it is the last lock a writer takes (no lock cycles) and a reader who sees the new version
-- also sees the data written under it.
CREATE FUNCTION "bump_public_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "public_data_version" SET "version" = "version" + 1, "lastTx" = txid_current()
  WHERE "id" = 1 AND "lastTx" IS DISTINCT FROM txid_current();
  RETURN NULL;
END $$;

DO $$
DECLARE
  tbl TEXT;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['admin_unit', 'programme', 'plan', 'plan_citation', 'plan_task', 'indicator', 'target', 'result'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_version"()',
      tbl || '_public_version', tbl);
  END LOOP;
END $$;
