// Prisma Decimal → number for display and the API (values are kept to 4 decimals).
export function num(d: { toString(): string } | null | undefined): number | null {
  if (d === null || d === undefined) return null;
  const n = Number(d.toString());
  return Number.isFinite(n) ? n : null;
}
