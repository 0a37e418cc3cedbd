// The target form names the version of the target it was opened on (a hidden "version" field,
// from the page's props), so the server can refuse an edit made on a target someone else changed
// since (lib/data/plans-write.ts saveTarget, "target_stale").
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { INITIAL_ACTION_STATE } from "@/lib/validation/action-state";
import { TargetForm, type TTargetFormValues } from "./target-form";

const values: TTargetFormValues = {
  targetId: "target-58-jobs",
  indicatorCode: "jobs",
  unitCode: "942",
  groupCode: "all",
  kind: "COUNT",
  lower: "1.200",
  upper: "",
  strict: false,
  approximate: false,
  baseline: "",
  periodStart: "2023",
  periodEnd: "2023",
  annual: false,
  parentId: "",
  equivalentValue: "",
  equivalentUnit: "",
  statement: "Giải quyết việc làm cho 1.200 lao động",
  version: "3",
};

const render = (v: TTargetFormValues) =>
  renderToStaticMarkup(
    createElement(TargetForm, {
      m: messages("vi").authoring,
      locale: "vi",
      planId: "plan-58-kh-ubnd-2023",
      indicators: [{ code: "jobs", name: "Lao động có việc làm", measureUnit: "người" }],
      unitSearch: { filters: {}, pinned: [] },
      unit: null,
      groups: [{ code: "all", name: "Toàn bộ dân cư", nameEn: "Whole population" }],
      parents: [],
      values: v,
      action: async () => INITIAL_ACTION_STATE,
      submitLabel: "Lưu",
      idPrefix: "t",
    }),
  );

describe("TargetForm", () => {
  it("posts the version of the target it edits, and none when adding one", () => {
    expect(render(values)).toMatch(/<input type="hidden" name="version" value="3"\/>/);
    expect(render({ ...values, targetId: "", version: "" })).toMatch(/<input type="hidden" name="version" value=""\/>/);
  });
});
