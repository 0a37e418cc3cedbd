-- AlterEnum
ALTER TYPE "ResultStatus" ADD VALUE 'RETURNED';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "result" ADD COLUMN     "publishedBaseline" DECIMAL(16,4),
ADD COLUMN     "publishedValue" DECIMAL(16,4),
ADD COLUMN     "returnReason" TEXT;
