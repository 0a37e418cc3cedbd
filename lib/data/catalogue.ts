import "server-only";
// The catalogue a target names: its indicators and population groups, as the public reads them
// (POST /api/v1/targets/parse maps the plan-text reader's codes onto it, docs/api.md "Reading plan
// text"). Both tables bump the public data version on every write, so the catalogue is read once
// per version (lib/cache/public.ts), not once per request.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { groupSelect } from "./groups";

export type TCatalogueIndicator = { code: string; name: string; measureUnit: string };
export type TCatalogueGroup = { code: string; name: string; nameEn: string };
export type TTargetCatalogue = { indicators: TCatalogueIndicator[]; groups: TCatalogueGroup[] };

async function loadTargetCatalogue(): Promise<TTargetCatalogue> {
  const [indicators, groups] = await Promise.all([
    db().indicator.findMany({ select: { code: true, name: true, measureUnit: true }, orderBy: { code: "asc" } }),
    db().populationGroup.findMany({ select: groupSelect, orderBy: [{ position: "asc" }, { code: "asc" }] }),
  ]);
  return { indicators, groups: groups.map((g) => ({ code: g.code, name: g.name, nameEn: g.nameEn })) };
}

/** Every indicator (code, name, unit of measure) and population group; shared until the next write. Read-only. */
export function getTargetCatalogue(): Promise<TTargetCatalogue> {
  return cachedPublic(["target-catalogue"], loadTargetCatalogue);
}
