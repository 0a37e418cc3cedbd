// The chart's status colours are the badges' colours (app/globals.css), so a bar and the badge
// beside it never disagree.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TARGET_BORDER, TARGET_FILL, TONE_COLOURS } from "./chart-common";

const css = readFileSync(fileURLToPath(new URL("../../app/globals.css", import.meta.url)), "utf8");
const cssVar = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,8})`).exec(css)?.[1]?.toLowerCase();

describe("chart colours", () => {
  it("use the status badges' CSS colours for each tone", () => {
    expect(TONE_COLOURS.good).toBe(cssVar("ok"));
    expect(TONE_COLOURS.warning).toBe(cssVar("warn"));
    expect(TONE_COLOURS.bad).toBe(cssVar("bad"));
    expect(TONE_COLOURS.neutral).toBe(cssVar("muted"));
    expect(TARGET_FILL).toBe(cssVar("neutral-bg"));
    expect(TARGET_BORDER).toBe(cssVar("muted"));
  });
});
