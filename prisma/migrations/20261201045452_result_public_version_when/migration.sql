-- Hand-written (no schema change): the public cache version moves for a result only when the
-- write touches what the public can see (docs/architecture.md, "The public cache"). A result is
-- public while it is PUBLISHED, and keeps being shown while it is corrected ("publishedValue"
-- set, see 20261130170000_reopened_stays_public). Drafts, submissions and returns that never were
-- published are the officers' own work: writing them no longer empties every public cache entry.
-- A WHEN may not name OLD on INSERT nor NEW on DELETE, so the one trigger becomes three.
DROP TRIGGER "result_public_version" ON "result";

CREATE CONSTRAINT TRIGGER "result_public_version_insert" AFTER INSERT ON "result"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW."status" = 'PUBLISHED' OR NEW."publishedValue" IS NOT NULL)
  EXECUTE FUNCTION "bump_public_data_version"();

CREATE CONSTRAINT TRIGGER "result_public_version_update" AFTER UPDATE ON "result"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."status" = 'PUBLISHED' OR NEW."status" = 'PUBLISHED' OR OLD."publishedValue" IS NOT NULL OR NEW."publishedValue" IS NOT NULL)
  EXECUTE FUNCTION "bump_public_data_version"();

CREATE CONSTRAINT TRIGGER "result_public_version_delete" AFTER DELETE ON "result"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."status" = 'PUBLISHED' OR OLD."publishedValue" IS NOT NULL)
  EXECUTE FUNCTION "bump_public_data_version"();
