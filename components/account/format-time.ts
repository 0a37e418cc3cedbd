// "dd/mm/yyyy HH:mm" in Vietnam's time zone, for account and token timestamps: the one
// formatDateTime of lib/domain/numbers.ts (the result grid uses it too).
export { formatDateTime } from "@/lib/domain/numbers";
