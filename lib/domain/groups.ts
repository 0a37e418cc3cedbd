/**
 * Population groups as the domain sees them: the code of the whole population, and how a
 * group is named beside a figure. Pure: no database.
 */
import type { Locale } from "./numbers";

/** The group of a figure that counts the whole unit (every household, every worker). */
export const WHOLE_POPULATION = "all";

export type GroupRef = { code: string; name: string; nameEn: string };

/** The group's name in the reader's language. */
export function groupName(g: GroupRef, locale: Locale): string {
  return locale === "en" ? g.nameEn : g.name;
}

/**
 * The words to put beside a figure or a target's headline: null for the whole population
 * (nothing to say), else the group's name.
 */
export function groupQualifier(g: GroupRef | null | undefined, locale: Locale): string | null {
  if (!g || g.code === WHOLE_POPULATION) return null;
  return groupName(g, locale);
}
