// Texts of the page states (loading, not found, forbidden, unexpected error), Vietnamese first. A module of
// their own, small: the error page is a client component shown on every route, and importing the
// whole catalogue there would send every text of the portal to every browser. The catalogue
// (lib/i18n/common.ts, `states`) re-uses these.
import type { Locale } from "./locale";

const vi = {
  loading: "Đang tải…",
  notFoundTitle: "Không tìm thấy trang",
  notFound: "Trang hoặc văn bản bạn tìm không tồn tại, hoặc chưa được công bố.",
  forbiddenTitle: "Không có quyền truy cập (403)",
  forbidden: "Tài khoản của bạn không được xem trang này. Nếu cần, hãy liên hệ quản trị viên.",
  backToWorkspace: "Về bàn làm việc",
  errorTitle: "Đã có lỗi xảy ra",
  error: "Hệ thống chưa xử lý được yêu cầu này. Vui lòng thử lại sau ít phút.",
  retry: "Thử lại",
  errorReference: "Mã lỗi",
  home: "Về trang chủ",
};

const en: typeof vi = {
  loading: "Loading…",
  notFoundTitle: "Page not found",
  notFound: "The page or document you are looking for does not exist or is not published.",
  forbiddenTitle: "Access denied (403)",
  forbidden: "Your account may not see this page. Ask an administrator if you need it.",
  backToWorkspace: "Back to the workspace",
  errorTitle: "Something went wrong",
  error: "The portal could not handle this request. Please try again in a few minutes.",
  retry: "Try again",
  errorReference: "Error reference",
  home: "Back to home",
};

export const stateTexts: Record<Locale, typeof vi> = { vi, en };
