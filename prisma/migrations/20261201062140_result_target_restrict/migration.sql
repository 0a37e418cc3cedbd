-- DropForeignKey
ALTER TABLE "result" DROP CONSTRAINT "result_targetId_fkey";

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "target"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
