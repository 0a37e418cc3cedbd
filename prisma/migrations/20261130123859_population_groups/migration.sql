-- AlterTable
ALTER TABLE "plan" ADD COLUMN     "issueYearInferred" TEXT,
ADD COLUMN     "periodInferred" TEXT,
ADD COLUMN     "sourcePublishedOn" DATE,
ADD COLUMN     "sourcePublisher" TEXT,
ADD COLUMN     "sourceTitle" TEXT;

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "periodInferred" TEXT;

-- AlterTable
ALTER TABLE "result" ADD COLUMN     "groupId" TEXT NOT NULL DEFAULT 'group-all';

-- AlterTable (the column "population" is dropped below, once its text is mapped to a group)
ALTER TABLE "target" ADD COLUMN     "groupId" TEXT NOT NULL DEFAULT 'group-all';

-- CreateTable
CREATE TABLE "population_group" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT,

    CONSTRAINT "population_group_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "population_group_code_key" ON "population_group"("code");

-- CreateIndex
CREATE INDEX "result_indicatorId_groupId_year_idx" ON "result"("indicatorId", "groupId", "year");

-- CreateIndex
CREATE INDEX "target_groupId_idx" ON "target"("groupId");

-- Hand-written from here to the foreign keys: the catalogue of population groups (reference
-- data every database needs, demo or not), and the old free-text "population" of existing
-- targets mapped onto it before that column goes.
INSERT INTO "population_group" ("id", "code", "name", "nameEn", "position", "description") VALUES
  ('group-all', 'all', 'Toàn bộ (không phân nhóm)', 'Everyone (no sub-group)', 0, 'Cả đơn vị: mọi hộ, mọi người lao động.'),
  ('group-poor', 'poor', 'Hộ nghèo', 'Poor households', 10, NULL),
  ('group-poor-near-poor', 'poor-near-poor', 'Hộ nghèo, hộ cận nghèo', 'Poor and near-poor households', 20, NULL),
  ('group-poor-near-poor-escaped', 'poor-near-poor-escaped', 'Hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo', 'Poor, near-poor and newly escaped households', 30, NULL),
  ('group-ethnic-minority', 'ethnic-minority', 'Hộ dân tộc thiểu số', 'Ethnic-minority households', 40, NULL),
  ('group-khmer', 'khmer', 'Hộ dân tộc Khmer', 'Khmer households', 50, NULL),
  ('group-poor-districts', 'poor-districts', 'Các huyện nghèo', 'Poor districts', 60, 'Hộ, người lao động thuộc các huyện nghèo.'),
  ('group-rural-workers', 'rural-workers', 'Lao động nông thôn', 'Rural workers', 70, NULL);

UPDATE "target" SET "groupId" = CASE
    WHEN "population" ILIKE '%khmer%' THEN 'group-khmer'
    WHEN "population" ILIKE '%huyện nghèo%' THEN 'group-poor-districts'
    WHEN "population" ILIKE '%dân tộc thiểu số%' THEN 'group-ethnic-minority'
    WHEN "population" ILIKE '%mới thoát nghèo%' THEN 'group-poor-near-poor-escaped'
    WHEN "population" ILIKE '%cận nghèo%' THEN 'group-poor-near-poor'
    WHEN "population" ILIKE '%lao động nông thôn%' THEN 'group-rural-workers'
    WHEN "population" ILIKE '%hộ nghèo%' THEN 'group-poor'
    ELSE 'group-all' END
  WHERE "population" IS NOT NULL;

ALTER TABLE "target" DROP COLUMN "population";

UPDATE "result" r SET "groupId" = t."groupId" FROM "target" t WHERE t."id" = r."targetId";

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "population_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "population_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below (Prisma's diff ignores functions and triggers, so they cause no drift).

-- A target's result counts the target's group, whatever writes it (portal, CLI, import,
-- psql): the group is copied from the target on every write of a result, and a change of a
-- target's group reaches its results. In a demo database, every figure typed by an account
-- (enteredById set) is demo data, so it is marked as such wherever it shows; figures seeded
-- from the sources carry no account and stay real.
CREATE FUNCTION "result_before_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."targetId" IS NOT NULL THEN
    SELECT t."groupId" INTO NEW."groupId" FROM "target" t WHERE t."id" = NEW."targetId";
  END IF;
  IF NEW."enteredById" IS NOT NULL AND NOT NEW."isDemo" AND EXISTS (
      SELECT 1 FROM "system_setting" s WHERE s."key" = 'demo' AND s."value" = 'true') THEN
    NEW."isDemo" := true;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "result_before_write" BEFORE INSERT OR UPDATE ON "result"
  FOR EACH ROW EXECUTE FUNCTION "result_before_write"();

CREATE FUNCTION "target_group_to_results"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "result" SET "groupId" = NEW."groupId" WHERE "targetId" = NEW."id" AND "groupId" <> NEW."groupId";
  RETURN NULL;
END $$;

CREATE TRIGGER "target_group_to_results" AFTER UPDATE OF "groupId" ON "target"
  FOR EACH ROW EXECUTE FUNCTION "target_group_to_results"();

CREATE CONSTRAINT TRIGGER "population_group_public_version" AFTER INSERT OR UPDATE OR DELETE ON "population_group"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_version"();

-- Figures typed by accounts in a demo database before this migration are demo data too.
UPDATE "result" SET "isDemo" = true
  WHERE "enteredById" IS NOT NULL AND NOT "isDemo"
    AND EXISTS (SELECT 1 FROM "system_setting" s WHERE s."key" = 'demo' AND s."value" = 'true');

-- The progress rules for annual targets and for levels without a baseline changed with this
-- release: every target's stored progress is recomputed on the next read.
INSERT INTO "target_change" ("targetId") SELECT "id" FROM "target";
