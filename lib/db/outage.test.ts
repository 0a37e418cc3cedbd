import { describe, expect, it } from "vitest";
import { DatabaseWatch, isConnectionError, PROBE_MS } from "./outage";

describe("isConnectionError", () => {
  it("knows a database that is away from a query that failed", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('relation "x" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe("DatabaseWatch", () => {
  it("lets requests through while up, refuses them while down, and probes at most every PROBE_MS until the database answers", async () => {
    let t = 0;
    let answers = false;
    let pings = 0;
    const w = new DatabaseWatch(async () => {
      pings++;
      if (!answers) throw new Error("down");
    }, () => t);
    expect(await w.usable()).toBe(true);
    expect(pings).toBe(0);
    w.markDown();
    expect(await w.usable()).toBe(false);
    expect(pings, "the failure just seen is the latest probe").toBe(0);
    t += PROBE_MS;
    expect(await w.usable()).toBe(false);
    expect(pings).toBe(1);
    t += PROBE_MS - 1;
    expect(await w.usable()).toBe(false);
    expect(pings, "no probe before PROBE_MS").toBe(1);
    answers = true;
    t += 1;
    expect(await w.usable()).toBe(true);
    expect(pings).toBe(2);
    expect(await w.usable()).toBe(true);
    expect(pings, "up again: no more probes").toBe(2);
  });

  it("requests arriving during one probe share it", async () => {
    let release!: () => void;
    let pings = 0;
    const w = new DatabaseWatch(() => {
      pings++;
      return new Promise<void>((r) => (release = r));
    });
    w.markDown();
    await new Promise((r) => setTimeout(r, PROBE_MS));
    const a = w.usable();
    const b = w.usable();
    release();
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(pings).toBe(1);
  });
});
