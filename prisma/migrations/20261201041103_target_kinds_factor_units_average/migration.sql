-- AlterEnum: three target kinds (docs/domain.md, "Targets and their kinds"), placed before
-- QUALITATIVE as prisma/schema.prisma lists them. PostgreSQL 12 and later add several values in
-- one transaction; a value added here cannot be used before the migration commits, so the
-- rules that name them are in the next migration.
ALTER TYPE "TargetKind" ADD VALUE 'INCREASE_FACTOR' BEFORE 'QUALITATIVE';
ALTER TYPE "TargetKind" ADD VALUE 'SHARE_OF_UNITS' BEFORE 'QUALITATIVE';
ALTER TYPE "TargetKind" ADD VALUE 'AVERAGE_DECREASE' BEFORE 'QUALITATIVE';
