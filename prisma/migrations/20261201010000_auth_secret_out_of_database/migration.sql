-- Hand-written: the secret that signs sessions no longer lives in the database (whoever could
-- read the database could forge an administrator's session). It is NEXTAUTH_SECRET or a 0600
-- file in the data directory (lib/db/prepare.ts ensureAuthSecret); sessions signed with the old
-- one end.
DELETE FROM "system_setting" WHERE "key" = 'auth_secret';
