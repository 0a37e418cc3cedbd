-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "source" TEXT;

-- Hand-written: the source was kept at the end of the actor's label (" [form]", " [api]"…);
-- it moves to its own column and leaves the label.
UPDATE "audit_log"
  SET "source" = substring("actorLabel" from ' \[(form|import|api|web)\]$'),
      "actorLabel" = regexp_replace("actorLabel", ' \[(form|import|api|web)\]$', '')
  WHERE "actorLabel" ~ ' \[(form|import|api|web)\]$';
UPDATE "audit_log" SET "source" = 'cli' WHERE "actorLabel" = 'cli' AND "source" IS NULL;
