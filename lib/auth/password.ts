// Password hashing: the one place that knows the algorithm.
import bcrypt from "bcryptjs";

export const PASSWORD_HASH_COST = 12;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, PASSWORD_HASH_COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/**
 * A hash of the same cost that no password matches in practice (of a fixed sentence nobody types),
 * compared with when the email has no account: the answer then takes as long as for a wrong
 * password, so its timing does not tell which emails have accounts (SECURITY.md, "Sign-in").
 */
export const DUMMY_PASSWORD_HASH = "$2b$12$jYN1XjiFEUAKVFeACmwfKuZJ/OalXVmoaTQIzEJNMIWiTwco3Jj8W";

/**
 * Checks a password against an account's hash, or, when there is no account (`hash` null), against
 * DUMMY_PASSWORD_HASH and answers false: exactly one bcrypt comparison either way.
 */
export async function checkPassword(plain: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(plain, hash ?? DUMMY_PASSWORD_HASH);
  return hash !== null && ok;
}

/** The password every demo account shares (demo databases only; printed in the README). */
export const DEMO_PASSWORD = "GiamNgheo@2025";
