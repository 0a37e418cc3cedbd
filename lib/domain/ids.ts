/** Record ids (plans, targets, results, tokens…): letters, digits, "_" and "-", at most 80. The one definition. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

export function isId(s: unknown): s is string {
  return typeof s === "string" && ID_PATTERN.test(s);
}
