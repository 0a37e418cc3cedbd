// Formatting shared by the grid's page and actions (pure, no I/O).
import { formatDate } from "@/lib/domain/numbers";

const TIME_ZONE = "Asia/Ho_Chi_Minh";
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "dd/mm/yyyy HH:mm" in Vietnam's time zone; "—" for a missing or invalid date. */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return "—";
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${formatDate(d, { timeZone: TIME_ZONE })} ${timeFormat.format(d)}`;
}
