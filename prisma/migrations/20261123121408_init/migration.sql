-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "ProgrammeKind" AS ENUM ('NATIONAL_TARGET_PROGRAMME', 'EMULATION_MOVEMENT');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('KE_HOACH', 'CONG_VAN', 'NGHI_QUYET', 'QUYET_DINH', 'CHI_THI', 'THONG_BAO', 'BAO_CAO', 'TIN_BAI', 'KHAC');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('RATE', 'COUNT', 'AMOUNT');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('DECREASE_BY', 'REACH_AT_MOST', 'REACH_AT_LEAST', 'COUNT', 'SHARE_OF_PARENT', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "QualitativeStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "ResultStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ValueQualifier" AS ENUM ('EXACT', 'OVER', 'ABOUT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PROVINCIAL_OFFICER', 'DISTRICT_STAFF');

-- CreateTable
CREATE TABLE "admin_unit" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "nameEn" TEXT,
    "level" "UnitLevel" NOT NULL,
    "parentId" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "successorId" TEXT,
    "searchName" TEXT NOT NULL,

    CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "kind" "ProgrammeKind" NOT NULL,
    "periodStart" INTEGER NOT NULL,
    "periodEnd" INTEGER NOT NULL,
    "parentId" TEXT,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan" (
    "id" TEXT NOT NULL,
    "code" TEXT,
    "type" "DocumentType" NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuerUnitId" TEXT NOT NULL,
    "issuedOn" DATE,
    "issueYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "periodStart" INTEGER NOT NULL,
    "periodEnd" INTEGER NOT NULL,
    "programmeId" TEXT,
    "sourceUrl" TEXT,
    "sourceNote" TEXT,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "searchText" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_citation" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "citedPlanId" TEXT,
    "code" TEXT,
    "type" "DocumentType" NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuedOn" DATE,
    "title" TEXT,

    CONSTRAINT "plan_citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_task" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,

    CONSTRAINT "plan_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "measureUnit" TEXT NOT NULL,
    "measureUnitEn" TEXT NOT NULL,
    "measure" "MeasureKind" NOT NULL,
    "lowerIsBetter" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "indicatorId" TEXT,
    "unitId" TEXT NOT NULL,
    "population" TEXT,
    "kind" "TargetKind" NOT NULL,
    "lower" DECIMAL(16,4),
    "upper" DECIMAL(16,4),
    "strict" BOOLEAN NOT NULL DEFAULT false,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "baseline" DECIMAL(16,4),
    "periodStart" INTEGER NOT NULL,
    "periodEnd" INTEGER NOT NULL,
    "annual" BOOLEAN NOT NULL DEFAULT false,
    "parentId" TEXT,
    "equivalentValue" DECIMAL(16,4),
    "equivalentUnit" TEXT,
    "statement" TEXT NOT NULL,
    "qualitativeStatus" "QualitativeStatus",
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "result" (
    "id" TEXT NOT NULL,
    "targetId" TEXT,
    "indicatorId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(16,4) NOT NULL,
    "qualifier" "ValueQualifier" NOT NULL DEFAULT 'EXACT',
    "baseline" DECIMAL(16,4),
    "label" TEXT,
    "note" TEXT,
    "evidenceUrl" TEXT,
    "sourceNote" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "status" "ResultStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "enteredById" TEXT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "system_setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "system_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_code_key" ON "admin_unit"("code");

-- CreateIndex
CREATE INDEX "admin_unit_parentId_idx" ON "admin_unit"("parentId");

-- CreateIndex
CREATE INDEX "admin_unit_successorId_idx" ON "admin_unit"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "programme_code_key" ON "programme"("code");

-- CreateIndex
CREATE INDEX "plan_status_issueYear_idx" ON "plan"("status", "issueYear");

-- CreateIndex
CREATE INDEX "plan_programmeId_idx" ON "plan"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "plan_issuerUnitId_code_issueYear_key" ON "plan"("issuerUnitId", "code", "issueYear");

-- CreateIndex
CREATE UNIQUE INDEX "plan_citation_planId_position_key" ON "plan_citation"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "plan_task_planId_position_key" ON "plan_task"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE INDEX "target_indicatorId_idx" ON "target"("indicatorId");

-- CreateIndex
CREATE INDEX "target_unitId_idx" ON "target"("unitId");

-- CreateIndex
CREATE INDEX "target_parentId_idx" ON "target"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "target_planId_position_key" ON "target"("planId", "position");

-- CreateIndex
CREATE INDEX "result_indicatorId_unitId_year_idx" ON "result"("indicatorId", "unitId", "year");

-- CreateIndex
CREATE INDEX "result_unitId_year_idx" ON "result"("unitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "result_targetId_unitId_year_key" ON "result"("targetId", "unitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_tokenHash_key" ON "api_token"("tokenHash");

-- CreateIndex
CREATE INDEX "api_token_userId_idx" ON "api_token"("userId");

-- CreateIndex
CREATE INDEX "audit_log_entity_entityId_idx" ON "audit_log"("entity", "entityId");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_issuerUnitId_fkey" FOREIGN KEY ("issuerUnitId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_citation" ADD CONSTRAINT "plan_citation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_citation" ADD CONSTRAINT "plan_citation_citedPlanId_fkey" FOREIGN KEY ("citedPlanId") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
