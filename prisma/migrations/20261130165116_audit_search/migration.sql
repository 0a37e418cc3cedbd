-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "unitId" TEXT;

-- CreateIndex
CREATE INDEX "audit_log_actorId_idx" ON "audit_log"("actorId");

-- CreateIndex
CREATE INDEX "audit_log_unitId_idx" ON "audit_log"("unitId");

-- Hand-written: the rows written before this migration get the "unitId" and "searchText" that
-- lib/data/audit-write.ts `writeAudit` writes with every new row: the same parts (the actor's
-- label, the reason, the record's id, then the names of what the row concerns), in the same
-- order. The normalisation approximates lib/domain/text.ts `normalizeSearch` (one rule): the
-- Vietnamese letters, upper and lower case, lose their marks through translate(); lower() does the
-- rest of the case (ASCII only where the database's locale is C); combining marks of decomposed
-- text are removed; whitespace is collapsed. Letters of other alphabets may keep their marks or
-- case here, where normalizeSearch would drop them.
UPDATE "audit_log" AS a
SET "unitId" = s."unitId",
    "searchText" = left(btrim(regexp_replace(regexp_replace(lower(translate(s.raw,
      'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ',
      'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd')),
      '[\u0300-\u036f]', '', 'g'), '\s+', ' ', 'g')), 2000)
FROM (
  SELECT x.id, u."unitId",
    concat_ws(' ', x."actorLabel", x."reason", x."entityId",
      CASE x."entity"
        WHEN 'result' THEN concat_ws(' ', ind.name, ind."nameEn", rt.statement, pl.code, un.name, un."nameEn", un.key, snap.s->>'year')
        WHEN 'target' THEN concat_ws(' ', snap.s->>'statement', ind.name, ind."nameEn", pl.code, pl.title, un.name, un."nameEn", un.key)
        WHEN 'plan' THEN concat_ws(' ', COALESCE(pl.code, snap.s->>'code'), COALESCE(pl.title, snap.s->>'title'), un.name, un."nameEn", un.key)
        WHEN 'user' THEN concat_ws(' ', COALESCE(us.email, snap.s->>'email'), COALESCE(us.name, snap.s->>'name'), un.name, un."nameEn", un.key)
        WHEN 'api_token' THEN concat_ws(' ', snap.s->>'name', snap.s->>'prefix', us.email, us.name)
        WHEN 'unit' THEN concat_ws(' ', x."after"->>'name', x."after"->>'nameEn', x."before"->>'name', x."before"->>'nameEn',
          snap.s->>'key', snap.s->>'code', x."after"->>'unitsFile', x."after"->>'successorsFile')
      END) AS raw
  FROM "audit_log" AS x
  CROSS JOIN LATERAL (SELECT COALESCE(x."after", x."before") AS s) AS snap
  LEFT JOIN "indicator" AS ind ON x."entity" IN ('result', 'target') AND ind.id = snap.s->>'indicatorId'
  LEFT JOIN "target" AS rt ON x."entity" = 'result' AND rt.id = snap.s->>'targetId'
  LEFT JOIN "target" AS tt ON x."entity" = 'target' AND tt.id = x."entityId"
  LEFT JOIN "plan" AS pl ON pl.id = CASE x."entity"
    WHEN 'result' THEN rt."planId"
    WHEN 'target' THEN COALESCE(snap.s->>'planId', x."before"->>'planId', tt."planId")
    WHEN 'plan' THEN x."entityId"
  END
  LEFT JOIN "app_user" AS us ON us.id = CASE x."entity" WHEN 'user' THEN x."entityId" WHEN 'api_token' THEN snap.s->>'userId' END
  CROSS JOIN LATERAL (SELECT CASE x."entity"
    WHEN 'result' THEN snap.s->>'unitId'
    WHEN 'target' THEN snap.s->>'unitId'
    WHEN 'plan' THEN COALESCE(pl."issuerUnitId", snap.s->>'issuerUnitId')
    WHEN 'user' THEN CASE WHEN x."after" ? 'unitId' THEN x."after"->>'unitId' WHEN x."before" ? 'unitId' THEN x."before"->>'unitId' ELSE us."unitId" END
    WHEN 'unit' THEN x."entityId"
  END AS "unitId") AS u
  LEFT JOIN "admin_unit" AS un ON x."entity" IN ('result', 'target', 'plan', 'user') AND un.id = u."unitId"
) AS s
WHERE s.id = a.id;
