import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./globals.css";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { getDict } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDict();
  return { title: { default: t.siteName, template: `%s · ${t.siteName}` }, description: t.siteTagline };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getDict();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header className="site-header">
          <div className="container header-row">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                ★
              </span>
              <span>
                <span className="brand-name">{t.siteName}</span>
                <span className="brand-tagline">{t.siteTagline}</span>
              </span>
            </Link>
            <Suspense fallback={null}>
              <LanguageSwitch locale={locale} label={t.switchTo} ariaLabel={t.switchToLabel} />
            </Suspense>
          </div>
          <nav aria-label={locale === "vi" ? "Điều hướng chính" : "Main navigation"} className="container main-nav">
            <Link href="/">{t.nav.home}</Link>
            <Link href="/plans">{t.nav.plans}</Link>
            <Link href="/units">{t.nav.units}</Link>
            <a href="/api/v1/openapi.json">{t.nav.api}</a>
          </nav>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t.footer}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
