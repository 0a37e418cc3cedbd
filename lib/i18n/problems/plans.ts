// Problem texts of the plans area (authoring plans and their targets), by code (lib/errors.ts;
// rendered by lib/i18n/problems.ts). Returned by lib/data/plans-write.ts; a target's own rules
// (lib/domain/targets.ts) and the schemas' messages come as the common "invalid_field".
import type { TParams } from "../../errors";
import { formatNumber } from "../../domain/numbers";
import type { TProblemTexts } from "./types";

const vi = {
  fix_marked_fields: () => "Vui lòng sửa các ô được đánh dấu.",
  plan_forbidden: () => "Bạn không có quyền soạn kế hoạch cho đơn vị này.",
  publish_forbidden: () => "Bạn không có quyền công bố kế hoạch này (cần cán bộ cấp tỉnh hoặc quản trị viên).",
  plan_not_found: () => "Không tìm thấy kế hoạch.",
  plan_locked: () => "Kế hoạch đã công bố nên đang bị khóa; mở lại (nêu lý do) trước khi sửa.",
  plan_stale: () => "Người khác vừa sửa kế hoạch này sau khi bạn mở trang. Tải lại trang để xem bản mới; thay đổi của bạn chưa được lưu.",
  plan_published: () => "Kế hoạch đã được công bố.",
  plan_not_published: () => "Kế hoạch chưa công bố nên không cần mở lại.",
  plan_no_targets: () => "Chưa công bố được: kế hoạch chưa có chỉ tiêu nào. Hãy thêm ít nhất một chỉ tiêu trước khi công bố.",
  reopen_reason: (p) => `Nêu lý do mở lại (ít nhất ${p.min} ký tự)`,
  no_unit_with_code: () => "Không có đơn vị với mã này",
  unit_not_in_period: (p: TParams) =>
    `${p.unit} ${p.to !== null ? `chỉ tồn tại đến năm ${p.to}` : `chỉ có từ năm ${p.from}`}; kế hoạch, chỉ tiêu giai đoạn ${p.start}–${p.end} cần một đơn vị tồn tại trong cả giai đoạn${p.successor ? ` (từ 1/7/2025: ${p.successor})` : ""}. Hãy chọn đơn vị khác hoặc sửa giai đoạn.`,
  no_programme_with_code: () => "Không có chương trình với mã này",
  duplicate_document_code: () => "Đơn vị này đã có văn bản cùng số hiệu trong năm ban hành",
  target_not_found: () => "Không tìm thấy chỉ tiêu.",
  target_not_in_plan: () => "Không tìm thấy chỉ tiêu trong kế hoạch này.",
  unit_out_of_scope: () => "Đơn vị này nằm ngoài phạm vi của bạn",
  indicator_not_found: () => "Không có chỉ tiêu này trong danh mục",
  indicator_required: () => "Chỉ tiêu định lượng cần chọn chỉ tiêu trong danh mục",
  group_not_found: () => "Không có nhóm đối tượng này trong danh mục",
  parent_not_in_plan: () => "Chỉ tiêu cha phải là một chỉ tiêu khác của kế hoạch này",
  parent_cycle: () => "Không thể chọn chỉ tiêu con làm chỉ tiêu cha",
  parent_required: () => "Chỉ tiêu tỷ lệ cần chọn chỉ tiêu cha",
  units_indicator_not_count: () => "Chỉ tiêu tỷ lệ số đơn vị đạt cần một chỉ tiêu đếm số đơn vị (ví dụ “Huyện nghèo, xã đặc biệt khó khăn thoát khỏi tình trạng nghèo…”, đơn vị tính: đơn vị)",
  target_has_children: () => "Chỉ tiêu này có chỉ tiêu con (“trong đó”); xóa các chỉ tiêu con trước.",
  target_has_results: (p: TParams) => `Chỉ tiêu đã có ${formatNumber(Number(p.count))} kết quả nên không xóa được; các kết quả được giữ nguyên.`,
  target_stale: (p: TParams) =>
    `Chỉ tiêu đã được người khác thay đổi sau khi bạn mở trang (hiện là phiên bản ${p.version}, bạn đang sửa phiên bản ${p.yourVersion}). Hãy tải lại trang rồi sửa lại; thay đổi của bạn chưa được lưu.`,
  target_version_required: () => "Sửa chỉ tiêu cần kèm phiên bản bạn đang sửa (version). Hãy tải lại trang rồi sửa lại; thay đổi của bạn chưa được lưu.",
} satisfies TProblemTexts;

const en: TProblemTexts<keyof typeof vi> = {
  fix_marked_fields: () => "Please correct the marked fields.",
  plan_forbidden: () => "You are not allowed to author plans for this unit.",
  publish_forbidden: () => "You are not allowed to publish this plan (a provincial officer or an administrator is needed).",
  plan_not_found: () => "Plan not found.",
  plan_locked: () => "The plan is published and therefore locked; reopen it (giving a reason) before editing.",
  plan_stale: () => "Someone else changed this plan after you opened the page. Reload the page to see the new version; your changes have not been saved.",
  plan_published: () => "The plan is already published.",
  plan_not_published: () => "The plan is not published, so it need not be reopened.",
  plan_no_targets: () => "Cannot be published yet: the plan has no targets. Add at least one target before publishing.",
  reopen_reason: (p) => `Give a reason for reopening (at least ${p.min} characters)`,
  no_unit_with_code: () => "There is no unit with this code",
  unit_not_in_period: (p) =>
    `${p.unit} ${p.to !== null ? `existed only until ${p.to}` : `exists only from ${p.from}`}; a plan or target for ${p.start}–${p.end} needs a unit that exists throughout${p.successor ? ` (from 1/7/2025: ${p.successor})` : ""}. Choose another unit or change the period.`,
  no_programme_with_code: () => "There is no programme with this code",
  duplicate_document_code: () => "This unit already has a document with this number in the year of issue",
  target_not_found: () => "Target not found.",
  target_not_in_plan: () => "There is no such target in this plan.",
  unit_out_of_scope: () => "This unit is outside your jurisdiction",
  indicator_not_found: () => "This indicator is not in the catalogue",
  indicator_required: () => "A quantitative target needs an indicator from the catalogue",
  group_not_found: () => "This population group is not in the catalogue",
  parent_not_in_plan: () => "The parent target must be another target of this plan",
  parent_cycle: () => "A sub-target cannot be chosen as the parent",
  parent_required: () => "A share target needs a parent target",
  units_indicator_not_count: () => "A share-of-units target needs an indicator that counts units (e.g. “Poor districts and extremely disadvantaged communes leaving that status”, measured in units)",
  target_has_children: () => "This target has sub-targets (“of which”); delete them first.",
  target_has_results: (p) => `This target has ${formatNumber(Number(p.count), { locale: "en" })} ${p.count === 1 ? "result" : "results"}, so it cannot be deleted; the results are kept.`,
  target_stale: (p) =>
    `The target was changed by someone else since you opened it (it is now version ${p.version}; you were editing version ${p.yourVersion}). Reload the page and edit it again; your changes have not been saved.`,
  target_version_required: () => "Editing a target needs the version you are editing (version). Reload the page and edit it again; your changes have not been saved.",
};

export const plansProblems: Record<"vi" | "en", TProblemTexts<keyof typeof vi>> = { vi, en };
