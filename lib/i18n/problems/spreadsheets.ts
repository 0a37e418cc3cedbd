// Problem texts of the spreadsheets area, by code (lib/errors.ts; rendered by lib/i18n/problems.ts).
import type { TProblemTexts } from "./types";

const vi = {} satisfies TProblemTexts;

export const spreadsheetsProblems: Record<"vi" | "en", TProblemTexts<keyof typeof vi>> = { vi, en: {} };
