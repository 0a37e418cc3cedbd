// THE write path for results (docs/domain.md; README "Write API"), shared by the officer's
// grid (server actions), the spreadsheet import and POST /api/v1/results. Where each part is:
//
//   lib/domain/results.ts          the rules, pure: statuses and their changes, a row's
//                                  problems (period, figures, parent/child, conflicts), and
//                                  the kind of a refused batch (forbidden, not found,
//                                  invalid, conflict: in that precedence)
//   lib/data/results/save.ts       saveResults: check every row, then write all or nothing
//   lib/data/results/check-rows.ts the checks of a batch before anything is written
//   lib/data/results/parse-rows.ts a row through its schema, as problems
//   lib/data/results/warnings.ts   saved, but the officer is told
//   lib/data/results/transitions.ts submit, publish, return (with a reason), reopen
//   lib/data/results/grid.ts       what the entry grid shows
//   lib/data/results/inbox.ts      the approval inbox: submitted values awaiting approval
//   lib/data/results/stored.ts     what they share (stored results, the audit snapshot, outcomes)
//
// Refusals are problems (lib/errors.ts): a code and its parameters per row, never a sentence;
// lib/i18n/problems/results.ts says each code in both languages. Every function re-reads the
// actor's account and the unit tree and decides with lib/auth/permissions (`can`).
export { MAX_BATCH_ROWS, type TRefused, type TSavedResult, type TWriteOptions, type TWriteSource } from "./results/stored";
export { saveResults, type TSaveOutcome } from "./results/save";
export { publishResults, reopenResult, returnResults, submitResults, type TSeenVersions, type TTransitionOutcome } from "./results/transitions";
export type { TWriteWarning, TWriteWarningCode } from "./results/warnings";
export { listResultsForGrid, type TGrid, type TGridCell, type TGridResult, type TGridTarget } from "./results/grid";
export { countInbox, listInbox, INBOX_PAGE_SIZE, type TInbox, type TInboxFilter, type TInboxItem } from "./results/inbox";
export type { TCurrentResult, TResultStatus, TWriteError, TWriteErrorCode, TWriteKind } from "../domain/results";
