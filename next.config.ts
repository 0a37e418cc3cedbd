import type { NextConfig } from "next";
import { CLIENT_SCHEME_HEADER, securityHeaders } from "./lib/security-headers";

/** The files proxy.ts does not run on (its `config.matcher`): the same headers as every other answer (lib/security-headers.ts). */
const STATIC_FILES = ["/_next/static/:path*", "/_next/image", "/favicon.ico"];
const asList = (h: Record<string, string>) => Object.entries(h).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // NEXT_DIST_DIR lets parallel builds (e.g. several test servers) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // PGlite and pg are server-only Node packages: load them from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  // Every page's <title> and description go in <head> before the page, for every client (Next streams them
  // into the body later to clients it does not list as bots): a screen reader announces the title on load,
  // and a page is never without one while it loads. Our metadata reads only cached data.
  htmlLimitedBots: /.*/,
  // Spreadsheet imports are sent to a server action; the import itself refuses files over 5 MB with a message.
  // authInterrupts: forbidden() (next/navigation), so a page an account may not see answers 403 (app/forbidden.tsx).
  experimental: { serverActions: { bodySizeLimit: "6mb" }, authInterrupts: true },
  // Types are checked by `npm test` (tsc --noEmit over the whole project), not on every start.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return STATIC_FILES.flatMap((source) => [
      { source, headers: asList(securityHeaders({ https: false })) },
      // HSTS only to a client that came over HTTPS (scripts/serve.ts sets this header itself).
      { source, has: [{ type: "header" as const, key: CLIENT_SCHEME_HEADER, value: "https" }], headers: asList(securityHeaders({ https: true })) },
    ]);
  },
};

export default nextConfig;
