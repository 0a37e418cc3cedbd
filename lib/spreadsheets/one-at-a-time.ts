// One uploaded file is read at a time in a portal process (docs/architecture.md, "Spreadsheets
// and zip bombs"): reading an XLSX may hold up to MAX_UNZIPPED_BYTES of unpacked parts and what
// exceljs builds from them, so two imports at once would hold twice that. A second reader waits
// for its turn, briefly (READ_WAIT_MS: reading a file takes a second or two at most), in the
// order they came, and only MAX_WAITING of them (each holds its upload meanwhile); past that it
// is told the portal is busy (file_busy) and nothing is written.
// The state lives on globalThis, so every bundle of the server shares the one slot.

/** How long a second import waits for the one reading a file. */
export const READ_WAIT_MS = 5_000;
/** How many imports may wait at once; more are refused at once. */
export const MAX_WAITING = 4;

type TWaiter = { go: () => void };
type TSlot = { busy: boolean; waiting: TWaiter[] };

const g = globalThis as unknown as { __spreadsheetReadSlot?: TSlot };
const slot = (): TSlot => (g.__spreadsheetReadSlot ??= { busy: false, waiting: [] });

/**
 * Runs `work` once no other reading runs in this process, waiting at most `waitMs` for its turn;
 * `{ ok: false }` (busy) when the turn did not come, or too many are waiting already.
 */
export async function oneAtATime<T>(work: () => Promise<T>, waitMs: number = READ_WAIT_MS): Promise<{ ok: true; value: T } | { ok: false }> {
  const s = slot();
  if (s.busy) {
    if (s.waiting.length >= MAX_WAITING || waitMs <= 0) return { ok: false };
    const turn = await new Promise<boolean>((resolve) => {
      const waiter: TWaiter = {
        go: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        const at = s.waiting.indexOf(waiter);
        if (at >= 0) s.waiting.splice(at, 1);
        resolve(false);
      }, waitMs);
      s.waiting.push(waiter);
    });
    if (!turn) return { ok: false };
    // The slot was handed over by the one before: it is still busy, now for this one.
  } else {
    s.busy = true;
  }
  try {
    return { ok: true, value: await work() };
  } finally {
    const next = s.waiting.shift();
    if (next) next.go();
    else s.busy = false;
  }
}
