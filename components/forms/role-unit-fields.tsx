"use client";
// Role and jurisdiction, chosen together: administrators have no unit, provincial officers a
// province, district or commune staff a district or a commune (the levels come from the page:
// LEVEL_OF_ROLE in lib/validation/accounts.ts, the rule the server checks again). The unit is
// chosen with a picker that searches the registry; the form posts its key as `unitCode`.
import { useState } from "react";
import type { TRole } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locale";
import type { TUnitPickerText } from "@/lib/i18n/unit-picker";
import type { TActionState } from "@/lib/validation/action-state";
import type { TUnitLevel } from "@/lib/validation/units";
import { describedBy, FieldErrors } from "./account-form-parts";
import styles from "./account-forms.module.css";
import { UnitPicker } from "./unit-picker";

export type TRoleUnitMessages = {
  role: string;
  unit: string;
  noUnit: string;
  roles: Record<TRole, string>;
  roleHints: Record<TRole, string>;
  unitPicker: TUnitPickerText;
};

/** The levels of unit each role holds (LEVEL_OF_ROLE), handed down by the page. */
export type TLevelsOfRole = Record<Exclude<TRole, "ADMIN">, readonly TUnitLevel[]>;

/** A unit already chosen: its key, and its name and place when the page knows them. */
export type TChosenUnit = { key: string; label?: string; detail?: string };

export function RoleUnitFields({
  idPrefix,
  m,
  locale,
  state,
  levelsOfRole,
  validOn,
  defaultRole,
  defaultUnit,
}: {
  idPrefix: string;
  m: TRoleUnitMessages;
  locale: Locale;
  state: TActionState;
  levelsOfRole: TLevelsOfRole;
  /** Offer only the units in existence that day (a new account needs a unit that exists). */
  validOn?: string;
  defaultRole: TRole;
  defaultUnit: TChosenUnit | null;
}) {
  const [role, setRole] = useState<TRole>(defaultRole);
  const [unit, setUnit] = useState<TChosenUnit | null>(defaultUnit);
  const levels = role === "ADMIN" ? null : levelsOfRole[role];
  const roleField = describedBy("role", state, `${idPrefix}-role-hint`);
  const unitField = describedBy("unitCode", state);
  const unitId = `${idPrefix}-unit`;
  return (
    <>
      <div className={styles.field}>
        <label htmlFor={`${idPrefix}-role`}>{m.role}</label>
        <select
          id={`${idPrefix}-role`}
          name="role"
          value={role}
          onChange={(e) => {
            const next = e.target.value as TRole;
            setRole(next);
            // Another kind of unit: the one chosen no longer fits.
            if (next === "ADMIN" || role === "ADMIN" || levelsOfRole[next].join() !== levelsOfRole[role].join()) setUnit(null);
          }}
          className={roleField.hasError ? styles.invalid : undefined}
          {...roleField.props}
        >
          {(Object.keys(m.roles) as TRole[]).map((r) => (
            <option key={r} value={r}>
              {m.roles[r]}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-role-hint`} className="hint">
          {m.roleHints[role]}
        </p>
        <FieldErrors id={`${roleField.errorId}`} errors={state.fieldErrors?.role} />
      </div>
      <div className={styles.field}>
        <label htmlFor={unitId}>{m.unit}</label>
        {levels ? (
          <UnitPicker
            // A new role starts a new search (other levels).
            key={role}
            id={unitId}
            name="unitCode"
            m={m.unitPicker}
            locale={locale}
            filters={{ levels, validOn }}
            initial={unit}
            invalid={unitField.hasError}
            describedBy={unitField.hasError ? unitField.errorId : undefined}
            onChange={(v) => setUnit(v)}
          />
        ) : (
          // Administrators hold no unit: nothing is posted.
          <input id={unitId} type="text" value={m.noUnit} disabled readOnly />
        )}
        <FieldErrors id={unitField.errorId} errors={state.fieldErrors?.unitCode} />
      </div>
    </>
  );
}
