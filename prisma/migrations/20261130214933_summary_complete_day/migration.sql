-- CreateTable
CREATE TABLE "progress_summary_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "completeFor" DATE,

    CONSTRAINT "progress_summary_state_pkey" PRIMARY KEY ("id")
);

-- Hand-written below. One row; no day yet, so the first refresh checks every target.
ALTER TABLE "progress_summary_state" ADD CONSTRAINT "progress_summary_state_single_row_check" CHECK ("id" = 1);
INSERT INTO "progress_summary_state" ("id", "completeFor") VALUES (1, NULL);

-- Once the refresh has found every published target computed for a day, it looks only at the
-- queue that day. A published target can then be out of date only if it is queued, so the one
-- write that changes which targets are published without touching them, a plan's status,
-- queues the plan's targets.
CREATE FUNCTION "queue_plan_targets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "target_change" ("targetId") SELECT t."id" FROM "target" t WHERE t."planId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "plan_queue_targets" AFTER UPDATE OF "status" ON "plan"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "queue_plan_targets"();
