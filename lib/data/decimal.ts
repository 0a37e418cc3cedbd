// Prisma Decimal → number for display and the API (values are kept to 4 decimals).
export function num(d: { toString(): string } | null | undefined): number | null {
  if (d === null || d === undefined) return null;
  const n = Number(d.toString());
  return Number.isFinite(n) ? n : null;
}

type TDecimalish = { toString(): string } | null;
type TTargetAmounts = { lower: TDecimalish; upper: TDecimalish; baseline: TDecimalish; equivalentValue: TDecimalish };

/** A target row with its amounts (lower, upper, baseline, the second-unit value) as numbers. */
export function withTargetNumbers<T extends TTargetAmounts>(
  t: T,
): Omit<T, keyof TTargetAmounts> & { lower: number | null; upper: number | null; baseline: number | null; equivalentValue: number | null } {
  return { ...t, lower: num(t.lower), upper: num(t.upper), baseline: num(t.baseline), equivalentValue: num(t.equivalentValue) };
}
