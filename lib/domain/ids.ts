/** Record ids (plans, targets, results, tokens…): letters, digits, "_" and "-", at most 80. The one definition. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

export function isId(s: unknown): s is string {
  return typeof s === "string" && ID_PATTERN.test(s);
}

/**
 * A unit's key as URLs and the API name it: its official code ("94", "942", "00004", "VN"), or,
 * for an ended unit whose code a later unit reuses, the code and the year it ended ("92-2025").
 */
export const UNIT_KEY_PATTERN = /^[A-Za-z0-9]{1,12}(-\d{4})?$/;
