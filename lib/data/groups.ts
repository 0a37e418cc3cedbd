import "server-only";
// Population groups (đối tượng): the catalogue every target and result names, so that a
// sub-group's figure is never shown as the whole unit's (docs/domain.md "Population groups").
import { cache } from "react";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

export const groupSelect = { id: true, code: true, name: true, nameEn: true } satisfies Prisma.PopulationGroupSelect;

export type TGroup = Prisma.PopulationGroupGetPayload<{ select: typeof groupSelect }>;

/** Every group, in catalogue order ("all" first); for pickers and filters. */
export const listGroups = cache(
  async (): Promise<TGroup[]> => db().populationGroup.findMany({ select: groupSelect, orderBy: [{ position: "asc" }, { code: "asc" }] }),
);

export async function getGroupByCode(code: string): Promise<TGroup | null> {
  if (!/^[a-z0-9-]{1,40}$/.test(code)) return null;
  return db().populationGroup.findUnique({ where: { code }, select: groupSelect });
}
