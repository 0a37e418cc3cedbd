-- CreateEnum
CREATE TYPE "SuccessionShare" AS ENUM ('FULL', 'PARTIAL');

-- DropIndex
DROP INDEX "admin_unit_code_key";

-- AlterTable (hand-ordered: the key of every existing unit is its code, then it is required)
ALTER TABLE "admin_unit" ADD COLUMN     "key" TEXT;
UPDATE "admin_unit" SET "key" = "code";
ALTER TABLE "admin_unit" ALTER COLUMN "key" SET NOT NULL;

-- CreateTable
CREATE TABLE "unit_succession" (
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "share" "SuccessionShare" NOT NULL,
    "effectiveOn" DATE NOT NULL,

    CONSTRAINT "unit_succession_pkey" PRIMARY KEY ("predecessorId","successorId")
);

-- CreateIndex
CREATE INDEX "unit_succession_successorId_idx" ON "unit_succession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_key_key" ON "admin_unit"("key");

-- CreateIndex
CREATE INDEX "admin_unit_code_idx" ON "admin_unit"("code");

-- CreateIndex
CREATE INDEX "admin_unit_searchName_idx" ON "admin_unit"("searchName");

-- AddForeignKey
ALTER TABLE "unit_succession" ADD CONSTRAINT "unit_succession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_succession" ADD CONSTRAINT "unit_succession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below. Cần Thơ (92) and Cà Mau (96) as the portal held them are the units of
-- today, which came into being on 1 July 2025 (the old Cần Thơ and Cà Mau are loaded from the
-- official lists as units of their own, "92-2025" and "96-2025").
UPDATE "admin_unit" SET "validFrom" = DATE '2025-07-01' WHERE "id" IN ('unit-92', 'unit-96') AND "validFrom" IS NULL;

CREATE CONSTRAINT TRIGGER "unit_succession_public_version" AFTER INSERT OR UPDATE OR DELETE ON "unit_succession"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_version"();
