-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('WRITE', 'PUBLISH');

-- AlterTable (hand-edited): tokens issued before expiry existed end 90 days after their
-- creation, and keep the power they had (publishing where their owner may); new ones default
-- to saving drafts only.
ALTER TABLE "api_token" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scope" "TokenScope" NOT NULL DEFAULT 'WRITE';
UPDATE "api_token" SET "expiresAt" = "createdAt" + INTERVAL '90 days', "scope" = 'PUBLISH';
ALTER TABLE "api_token" ALTER COLUMN "expiresAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "target" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sign_in_throttle_lastFailureAt_idx" ON "sign_in_throttle"("lastFailureAt");
