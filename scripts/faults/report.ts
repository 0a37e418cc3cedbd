// The fault scripts' reports, in the bench's style: a title, the date, the machine and the
// backend, then figures (text tables). Nothing is asserted: "expected" says what the issue expects.
import os from "node:os";
import { percentile } from "../bench/http";

export const n0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");
export const n1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
export const s1 = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : "–");

/** p50, p95 and max of some latencies (ms). */
export function spread(xs: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), max: s[s.length - 1] ?? NaN };
}

/** "200 × 12, 503 × 40" (most frequent first). */
export function counts(m: Map<string, number> | string[]): string {
  const map = Array.isArray(m) ? m.reduce((acc, k) => acc.set(k, (acc.get(k) ?? 0) + 1), new Map<string, number>()) : m;
  if (map.size === 0) return "none";
  return [...map].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} × ${n0(v)}`).join(", ");
}

/** A text table: the first column left-aligned, the others right-aligned (as the bench's). */
export function table(head: string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  ").trimEnd();
  return [line(head), w.map((x) => "-".repeat(x)).join("  "), ...rows.map(line)];
}

export class Report {
  readonly lines: string[] = [];
  readonly notes: string[] = [];
  private readonly loadBefore = os.loadavg();
  private readonly started = new Date();

  constructor(
    readonly scenario: string,
    readonly title: string,
  ) {}

  backend = "";

  add(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** Something that did not behave as the issue expects (said again at the end of the run). */
  finding(m: string): void {
    this.notes.push(m);
    this.lines.push(`FINDING: ${m}`);
  }

  print(): void {
    const cpus = os.cpus();
    console.log("");
    console.log(`==== npm run faults -- ${this.scenario}: ${this.title} ====`);
    console.log(
      `date ${this.started.toISOString().replace(/\.\d+Z$/, "Z")} · machine: ${cpus[0]?.model.trim() ?? "?"} × ${cpus.length} CPUs, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; load average before ${this.loadBefore.map((x) => x.toFixed(2)).join(" ")}`,
    );
    if (this.backend) console.log(`backend: ${this.backend}`);
    for (const l of this.lines) console.log(l);
  }
}

/** What a portal's log says about errors: how many lines, and the first few different ones. */
export function logSummary(portal: { o: { name: string }; grep: (re: RegExp) => string[] }): string[] {
  const lines = portal.grep(/error|Error|⨯/);
  const name = portal.o.name === "portal" ? "the portal's log" : `portal ${portal.o.name}'s log`;
  if (lines.length === 0) return [`${name}: no line mentions an error`];
  const distinct = [...new Set(lines.map((l) => l.trim().slice(0, 180)))].slice(0, 3);
  return [`${name}: ${lines.length} line(s) mentioning an error; the first different ones:`, ...distinct.map((l) => `    | ${l}`)];
}
