"use client";
// Role and jurisdiction, chosen together: administrators have no unit, provincial
// officers a province, district staff a district. The unit list follows the role;
// the server checks the pair again.
import { useState } from "react";
import type { TRole } from "@/lib/auth/permissions";
import type { TActionState } from "@/lib/validation/action-state";
import { describedBy, FieldErrors } from "./account-form-parts";
import styles from "./account-forms.module.css";

export type TUnitOption = { code: string; label: string; level: "PROVINCE" | "DISTRICT"; group: string };

export type TRoleUnitMessages = {
  role: string;
  unit: string;
  noUnit: string;
  chooseUnit: string;
  roles: Record<TRole, string>;
  roleHints: Record<TRole, string>;
};

const LEVEL: Record<TRole, "PROVINCE" | "DISTRICT" | null> = { ADMIN: null, PROVINCIAL_OFFICER: "PROVINCE", DISTRICT_STAFF: "DISTRICT" };

export function RoleUnitFields({
  idPrefix,
  units,
  m,
  state,
  defaultRole,
  defaultUnit,
}: {
  idPrefix: string;
  units: TUnitOption[];
  m: TRoleUnitMessages;
  state: TActionState;
  defaultRole: TRole;
  defaultUnit: string;
}) {
  const [role, setRole] = useState<TRole>(defaultRole);
  const [unit, setUnit] = useState(defaultUnit);
  const level = LEVEL[role];
  const options = level ? units.filter((u) => u.level === level) : [];
  const groups = [...new Set(options.map((u) => u.group))];
  const roleField = describedBy("role", state, `${idPrefix}-role-hint`);
  const unitField = describedBy("unitCode", state);
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
            if (LEVEL[next] !== level) setUnit("");
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
        <label htmlFor={`${idPrefix}-unit`}>{m.unit}</label>
        <select
          id={`${idPrefix}-unit`}
          name="unitCode"
          value={level ? unit : ""}
          onChange={(e) => setUnit(e.target.value)}
          disabled={!level}
          className={unitField.hasError ? styles.invalid : undefined}
          {...unitField.props}
        >
          <option value="">{level ? m.chooseUnit : m.noUnit}</option>
          {groups.map((g) => (
            <optgroup key={g} label={g}>
              {options
                .filter((u) => u.group === g)
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <FieldErrors id={unitField.errorId} errors={state.fieldErrors?.unitCode} />
      </div>
    </>
  );
}
