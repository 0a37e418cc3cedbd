// A request body read with a cap, whether or not the client said how large it is (Content-Length),
// never reading past the cap: /api/auth/* (SECURITY.md, "Sign-in"), which takes small forms (an
// email, a password, a CSRF token), and the write API's batches (lib/api/results-upload.ts).

/** The largest body /api/auth/* accepts, in bytes. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;

/** The body's bytes, or null when it is larger than `max` (declared so, or found so while reading). */
export async function readBodyCapped(req: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) {
    await req.body?.cancel().catch(() => {});
    return null;
  }
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}
