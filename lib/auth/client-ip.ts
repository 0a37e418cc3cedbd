// The client's address as the reverse proxy reports it, for the audit log.
export function clientIpFrom(headers: { get(name: string): string | null }): string | null {
  const fwd = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return fwd || headers.get("x-real-ip")?.trim() || null;
}
