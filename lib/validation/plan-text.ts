// The size limit of a plan text read into proposed targets, the same for the API
// (POST /api/v1/targets/parse) and the authoring screen's "Dán văn bản" (docs/api.md,
// "Reading plan text"). Pure: the browser imports it too.

/** The longest text read, in bytes of UTF-8 (64 KB): a plan's whole text fits many times over. */
export const MAX_PLAN_TEXT_BYTES = 64 * 1024;

/** How many bytes a text takes in UTF-8 (what the limit counts). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}
