"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locale";

/** Switches the interface language and returns to the same page. */
export async function setLocaleAction(formData: FormData) {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  const back = String(formData.get("back") ?? "/");
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  // Only same-site paths: never redirect to another host.
  redirect(back.startsWith("/") && !back.startsWith("//") ? back : "/");
}
