-- AlterTable
ALTER TABLE "result" ADD COLUMN     "reportedInPlanId" TEXT;

-- CreateIndex
CREATE INDEX "result_reportedInPlanId_idx" ON "result"("reportedInPlanId");

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_reportedInPlanId_fkey" FOREIGN KEY ("reportedInPlanId") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
