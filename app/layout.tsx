import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./globals.css";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { getActor } from "@/lib/auth/session";
import { isDemoDatabase } from "@/lib/data/settings";
import { getMessages } from "@/lib/i18n/server";
import { messages } from "@/lib/i18n/messages";
import { setLocaleAction } from "./actions/locale";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: { default: t.siteName, template: `%s · ${t.siteName}` }, description: t.siteTagline };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getMessages();
  const [actor, demo] = await Promise.all([getActor(), isDemoDatabase()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        {demo && (
          <p className="demo-banner" role="note">
            {t.demoBanner}
          </p>
        )}
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
            <div className="account">
              {actor ? (
                <>
                  <span className="who">{actor.name}</span>
                  <SignOutButton label={t.auth.signOut} />
                </>
              ) : (
                <Link href="/sign-in">{t.auth.signIn}</Link>
              )}
              <Suspense fallback={null}>
                <LanguageSwitch locale={locale} label={t.switchTo} ariaLabel={t.switchToLabel} setLocale={setLocaleAction} />
              </Suspense>
            </div>
          </div>
          <nav aria-label={t.nav.label} className="container main-nav">
            <Link href="/">{t.nav.home}</Link>
            <Link href="/plans">{t.nav.plans}</Link>
            <Link href="/units">{t.nav.units}</Link>
            <Link href="/compare">{messages(locale).compare.nav}</Link>
            <Link href="/open-data">{t.nav.api}</Link>
            {actor && <Link href="/workspace">{t.auth.workspace}</Link>}
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
