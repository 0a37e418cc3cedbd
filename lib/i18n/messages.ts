// The one message catalogue: every text the portal shows, by locale and area, and the one
// accessor, `messages(locale)`. Each area keeps its texts in its own file (both languages
// side by side, the English typed after the Vietnamese so a missing key does not compile);
// lib/i18n/messages.test.ts checks that the languages have the same keys and placeholders.
// Server code reads the locale from the request with getMessages() (lib/i18n/server.ts).
import type { ProgressStatus } from "../domain/progress";
import { accountsMessages } from "./accounts";
import { auditMessages } from "./audit";
import { authoringMessages } from "./authoring";
import { compareMessages } from "./compare";
import { dashboardsMessages } from "./dashboards";
import { downloadsMessages } from "./downloads";
import { commonMessages } from "./common";
import type { Locale } from "./locale";
import { problemTexts } from "./problems";
import { gridMessages } from "./grid";
import { spreadsheetsMessages } from "./spreadsheets";
import { unitsAdminMessages } from "./units-admin";
import { workflowMessages } from "./workflow";

const catalogue = {
  vi: {
    common: commonMessages.vi,
    accounts: accountsMessages.vi,
    audit: auditMessages.vi,
    authoring: authoringMessages.vi,
    compare: compareMessages.vi,
    dashboards: dashboardsMessages.vi,
    downloads: downloadsMessages.vi,
    grid: gridMessages.vi,
    spreadsheets: spreadsheetsMessages.vi,
    unitsAdmin: unitsAdminMessages.vi,
    workflow: workflowMessages.vi,
    problems: problemTexts.vi,
  },
  en: {
    common: commonMessages.en,
    accounts: accountsMessages.en,
    audit: auditMessages.en,
    authoring: authoringMessages.en,
    compare: compareMessages.en,
    dashboards: dashboardsMessages.en,
    downloads: downloadsMessages.en,
    grid: gridMessages.en,
    spreadsheets: spreadsheetsMessages.en,
    unitsAdmin: unitsAdminMessages.en,
    workflow: workflowMessages.en,
    problems: problemTexts.en,
  },
};

export type TMessages = (typeof catalogue)["vi"];

/** Every text in the reader's language. */
export function messages(locale: Locale): TMessages {
  return catalogue[locale] as TMessages;
}

/** A progress status in the reader's language. */
export function statusLabel(status: ProgressStatus, locale: Locale = "vi"): string {
  return catalogue[locale].common.statuses[status];
}

/** The catalogue as data, for the parity test. */
export const catalogueForTests = catalogue;
