// One uploaded file read at a time per process (one-at-a-time.ts, parseGridFile): a second reader
// waits for its turn, in order; past MAX_WAITING waiting, or when its wait runs out, it is told
// the portal is busy. No timings are asserted: turns are handed over by promises.
import { afterEach, describe, expect, it } from "vitest";
import { problemText } from "../i18n/problems";
import { MAX_WAITING, oneAtATime } from "./one-at-a-time";
import { parseGridFile } from "./read-file";
import { csvFile } from "./test-fixtures";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const pending: Promise<unknown>[] = [];
afterEach(async () => {
  await Promise.all(pending.splice(0));
});

/** Holds the one slot until `release()` is called. */
function holdSlot() {
  const gate = deferred();
  const started = deferred();
  const held = oneAtATime(async () => {
    started.resolve();
    await gate.promise;
    return "first";
  });
  pending.push(held);
  return { held, started: started.promise, release: gate.resolve };
}

describe("oneAtATime", () => {
  it("runs readers one after the other, in the order they came", async () => {
    const order: string[] = [];
    const slot = holdSlot();
    await slot.started;
    const second = oneAtATime(async () => void order.push("second"), 60_000);
    const third = oneAtATime(async () => void order.push("third"), 60_000);
    pending.push(second, third);
    await Promise.resolve();
    expect(order).toEqual([]);
    slot.release();
    expect(await slot.held).toEqual({ ok: true, value: "first" });
    await Promise.all([second, third]);
    expect(order).toEqual(["second", "third"]);
  });

  it("refuses at once a reader that may not wait, or when MAX_WAITING already wait", async () => {
    const slot = holdSlot();
    await slot.started;
    expect(await oneAtATime(async () => "never", 0)).toEqual({ ok: false });
    const waiting = Array.from({ length: MAX_WAITING }, () => oneAtATime(async () => "later", 60_000));
    pending.push(...waiting);
    expect(await oneAtATime(async () => "never", 60_000)).toEqual({ ok: false });
    slot.release();
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: MAX_WAITING }, () => ({ ok: true, value: "later" })));
    // Free again.
    expect(await oneAtATime(async () => "now", 0)).toEqual({ ok: true, value: "now" });
  });

  it("frees the slot when a reader fails", async () => {
    await expect(oneAtATime(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await oneAtATime(async () => "next", 0)).toEqual({ ok: true, value: "next" });
  });

  it("gives up waiting when the turn does not come, and is no longer in the queue", async () => {
    const slot = holdSlot();
    await slot.started;
    expect(await oneAtATime(async () => "late", 1)).toEqual({ ok: false });
    slot.release();
    await slot.held;
    expect(await oneAtATime(async () => "free", 0)).toEqual({ ok: true, value: "free" });
  });
});

describe("parseGridFile, while another file is being read", () => {
  it("is refused as busy, in both languages, once MAX_WAITING imports wait; then reads normally", async () => {
    const slot = holdSlot();
    await slot.started;
    const waiting = Array.from({ length: MAX_WAITING }, () => parseGridFile(csvFile("targetId,unitCode,year,value\nt,942,2023,1\n")));
    pending.push(...waiting);
    const busy = await parseGridFile(csvFile("targetId,unitCode,year,value\nt,942,2023,1\n"));
    expect(busy).toEqual({ ok: false, error: { code: "file_busy" } });
    expect(!busy.ok && problemText(busy.error, "vi")).toBe("Cổng đang đọc một tệp khác; hãy thử lại sau ít giây. Chưa có gì được lưu.");
    expect(!busy.ok && problemText(busy.error, "en")).toBe("The portal is reading another file; try again in a few seconds. Nothing was saved.");
    slot.release();
    for (const w of await Promise.all(waiting)) expect(w).toMatchObject({ ok: true, format: "csv", rows: [{ line: 2 }] });
  });
});
