-- AlterTable
ALTER TABLE "public_data_version" ADD COLUMN     "registryTx" BIGINT,
ADD COLUMN     "registryVersion" BIGINT NOT NULL DEFAULT 0;

-- Hand-written below: the registry's own version, bumped once per writing transaction at
-- commit (deferred, like public_data_version's), by writes to the unit registry only. Those
-- writes bump the public version as well (their own triggers), so every cached answer is
-- dropped by them; what depends on the registry alone (the unit tree) is kept across the
-- writes of plans and results (docs/architecture.md, "Speed: two caches, one version").
CREATE FUNCTION "bump_registry_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "public_data_version" SET "registryVersion" = "registryVersion" + 1, "registryTx" = txid_current()
  WHERE "id" = 1 AND "registryTx" IS DISTINCT FROM txid_current();
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "admin_unit_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "admin_unit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_registry_version"();
CREATE CONSTRAINT TRIGGER "unit_succession_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "unit_succession"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_registry_version"();
