// The grid's filter: which rows to show, by status and by year, as URL search parameters
// (`?status=returned&year=2024`), so that a link (the workspace's "what is due") opens the grid
// on what is meant. A plain GET form: it works before any script has loaded.
import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";
import { CELL_FILTERS } from "@/lib/domain/results";
import type { TMessages } from "@/lib/i18n/messages";
import styles from "./grid.module.css";
import type { TGridFilter } from "./types";

type Props = { basePath: string; filter: TGridFilter; years: number[]; m: TMessages["grid"] };

export function GridFilter({ basePath, filter, years, m }: Props) {
  const filtered = filter.status !== "all" || filter.year !== null;
  return (
    <form method="get" action={basePath} className={styles.filter} aria-label={m.filter.legend} data-grid-filter>
      <SelectField id="status" label={m.filter.status} value={filter.status} options={CELL_FILTERS.map((f) => ({ value: f, label: m.filter.options[f] }))} />
      <SelectField id="year" label={m.filter.year} value={filter.year === null ? "" : String(filter.year)} any={m.filter.allYears} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <div className={styles.filterActions}>
        <button type="submit" className="button secondary">
          {m.filter.apply}
        </button>
        {filtered && <Link href={basePath}>{m.filter.clear}</Link>}
      </div>
    </form>
  );
}
