// "dd/mm/yyyy HH:mm" in Vietnam's time zone, for account and token timestamps.
import { formatDate } from "@/lib/domain/numbers";

const TZ = "Asia/Ho_Chi_Minh";
const clock = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

export function formatDateTime(d: Date | null | undefined, empty = "—"): string {
  if (!d) return empty;
  return `${formatDate(d, { timeZone: TZ })} ${clock.format(d)}`;
}
