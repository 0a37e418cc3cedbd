-- The registry's first load named the five island districts (level word "Huyện", which had no
-- English word then) "Bach Long Vi undefined" and so on. Their English name is "… District".
UPDATE "admin_unit" SET "nameEn" = left("nameEn", length("nameEn") - length(' undefined')) || ' District'
WHERE "nameEn" LIKE '% undefined';
