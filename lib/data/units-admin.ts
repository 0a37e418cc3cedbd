import "server-only";
// Managing the unit registry from the web app: administrators only (permission unit.manage),
// checked here on every call; the shared logic is lib/data/units-admin-core.ts (the command line
// uses it too), every change audited in its transaction with source "web".
import { assertCan, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import type { TUnitCreateInput, TUnitEndInput, TUnitRenameInput, TUnitReorganiseInput } from "../validation/units-admin";
import { ctxOf } from "./accounts";
import {
  createUnitWith,
  deleteUnitWith,
  endUnitWith,
  getUnitAdminWith,
  importUnitsWith,
  renameUnitWith,
  reorganiseUnitsWith,
  type TImportFile,
  type TPlanOptions,
  type TPlanOutcome,
  type TUnitAdminDetail,
} from "./units-admin-core";
import type { TRegUnit } from "../domain/units-admin";

export type { TChangeSummary, TPlanOutcome, TUnitAdminDetail, TUnitReferences } from "./units-admin-core";

type TOpts = { ip?: string | null };

export async function getUnitAdmin(actor: TActor | null, key: string): Promise<TUnitAdminDetail | null> {
  assertCan(actor, "unit.manage");
  return getUnitAdminWith(db(), key);
}

export async function createUnit(actor: TActor | null, input: TUnitCreateInput, opts: TOpts = {}): Promise<TRegUnit> {
  assertCan(actor, "unit.manage");
  return createUnitWith(ctxOf(actor, opts.ip), input);
}

export async function renameUnit(actor: TActor | null, input: TUnitRenameInput, opts: TOpts = {}): Promise<{ unit: TRegUnit; changed: boolean }> {
  assertCan(actor, "unit.manage");
  return renameUnitWith(ctxOf(actor, opts.ip), input);
}

export async function endUnit(actor: TActor | null, input: TUnitEndInput, opts: TOpts = {}): Promise<TRegUnit> {
  assertCan(actor, "unit.manage");
  return endUnitWith(ctxOf(actor, opts.ip), input);
}

export async function deleteUnit(actor: TActor | null, key: string, opts: TOpts = {}): Promise<TRegUnit> {
  assertCan(actor, "unit.manage");
  return deleteUnitWith(ctxOf(actor, opts.ip), key);
}

export async function reorganiseUnits(actor: TActor | null, input: TUnitReorganiseInput, plan: TPlanOptions, opts: TOpts = {}): Promise<TPlanOutcome> {
  assertCan(actor, "unit.manage");
  return reorganiseUnitsWith(ctxOf(actor, opts.ip), input, plan);
}

export async function importUnits(actor: TActor | null, files: { units: TImportFile; successors?: TImportFile | null }, effectiveOn: string, plan: TPlanOptions, opts: TOpts = {}): Promise<TPlanOutcome> {
  assertCan(actor, "unit.manage");
  return importUnitsWith(ctxOf(actor, opts.ip), files, effectiveOn, plan);
}
