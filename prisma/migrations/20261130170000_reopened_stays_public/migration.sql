-- Hand-written (no schema change: the columns came with 20261130164521_workflow_fields).
--
-- A published figure that is reopened for correction stays public until the corrected one is
-- published (docs/domain.md, "Results"): whoever writes (portal, CLI, import, psql), leaving
-- PUBLISHED keeps the figure the public saw in "publishedValue"/"publishedBaseline", and
-- publishing again clears them. Public reads show the kept figure, marked "đang điều chỉnh".
CREATE FUNCTION "result_keep_published"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'PUBLISHED' THEN
    NEW."publishedValue" := NULL;
    NEW."publishedBaseline" := NULL;
  ELSIF OLD."status" = 'PUBLISHED' THEN
    NEW."publishedValue" := OLD."value";
    NEW."publishedBaseline" := OLD."baseline";
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "result_keep_published" BEFORE UPDATE OF "status" ON "result"
  FOR EACH ROW EXECUTE FUNCTION "result_keep_published"();
