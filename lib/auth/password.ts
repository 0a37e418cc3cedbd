// Password hashing: the one place that knows the algorithm.
import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** The password every demo account shares (demo databases only; printed in the README). */
export const DEMO_PASSWORD = "GiamNgheo@2025";
