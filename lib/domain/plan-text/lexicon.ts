/**
 * The wording the plan-text reader knows (docs/domain.md, "Reading plan text"): which phrases name
 * which catalogue indicator and which population group. Patterns run on folded text (lower case,
 * no diacritics: see ./fold.ts). Order matters: the first match wins.
 */

export interface IndicatorWording {
  code: string;
  pattern: RegExp;
  /**
   * Whether the indicator's words say nothing of the group, so they are set aside before the group
   * is looked for ("tỷ lệ hộ nghèo" names the indicator, not the group "hộ nghèo").
   */
  hidesGroupWords: boolean;
}

export const INDICATOR_WORDING: readonly IndicatorWording[] = [
  { code: "trained-certified-rate", pattern: /ty le lao dong qua dao tao/, hidesGroupWords: true },
  { code: "near-poor-rate", pattern: /ty le (?:ho )?can ngheo/, hidesGroupWords: true },
  { code: "poor-rate", pattern: /ty le (?:ho )?ngheo/, hidesGroupWords: true },
  { code: "health-insurance-poor", pattern: /bao hiem y te|\bbhyt\b/, hidesGroupWords: false },
  { code: "poor-household-income", pattern: /thu nhap binh quan(?: dau nguoi)?(?: cua)? (?:ho ngheo|nguoi ngheo)/, hidesGroupWords: true },
  {
    code: "poor-units-escaped",
    pattern: /(?:huyen ngheo|xa dac biet kho khan|xa dbkk|thon,? ban dac biet kho khan|xa,? thon dac biet kho khan)[^;]*?thoat khoi/,
    hidesGroupWords: false,
  },
  { code: "sustainable-job-households", pattern: /it nhat (?:mot|1) thanh vien[^;]*?viec lam ben vung/, hidesGroupWords: true },
  { code: "labour-export", pattern: /xuat khau lao dong|lam viec o nuoc ngoai/, hidesGroupWords: true },
  { code: "jobs", pattern: /giai quyet viec lam|tao viec lam|ket noi viec lam|viec lam moi|co viec lam/, hidesGroupWords: true },
  { code: "vocational-training", pattern: /dao tao nghe|day nghe|dao tao(?: cho)?(?: [a-z]+){0,3} lao dong|dao tao \d[\d.,]* (?:nguoi )?lao dong/, hidesGroupWords: false },
  { code: "escaped-poverty", pattern: /ho thoat ngheo|thoat ngheo cho|(?:giup|ho tro) [^;]*?ho [^;]*?thoat ngheo(?! ben vung)/, hidesGroupWords: true },
  { code: "poverty-models", pattern: /mo hinh/, hidesGroupWords: false },
];

export interface GroupWording {
  code: string;
  test: (folded: string) => boolean;
}

const has = (re: RegExp) => (f: string) => re.test(f);

export const GROUP_WORDING: readonly GroupWording[] = [
  { code: "khmer", test: has(/\bkhmer\b/) },
  { code: "ethnic-minority", test: has(/dan toc thieu so|\bdtts\b|dong bao dan toc/) },
  { code: "poor-districts", test: has(/huyen ngheo/) },
  { code: "poor-near-poor-escaped", test: (f) => /ngheo/.test(f) && /can ngheo/.test(f) && /moi thoat ngheo/.test(f) },
  { code: "poor-near-poor", test: has(/ho ngheo,? (?:va )?(?:ho )?can ngheo|nguoi ngheo,? (?:va )?(?:nguoi )?can ngheo/) },
  { code: "rural-workers", test: has(/lao dong (?:o )?nong thon/) },
  { code: "poor", test: has(/thuoc ho ngheo|nguoi ngheo|cho ho ngheo|\bho ngheo\b/) },
];

/** Words that open a target statement (at the start of a clause or a part of it, after list marks and connectives). */
export const STARTER =
  /^(?:phan dau|giam|tang|nang|dat|giai quyet viec lam|tao viec lam|dao tao|day nghe|ho tro|ket noi|dua|xuat khau|bao dam|dam bao|duy tri|xay dung|ty le|thu nhap|binh quan|giup|cap|\d[\d.,]*\s?%)(?![a-z])/;

/** Connectives a clause may open with before its verb ("Đồng thời, giảm …"). */
export const CONNECTIVE = /^(?:dong thoi|ngoai ra|va|con|cung|tiep tuc|nham|de|dac biet|nhat la)(?![a-z])[ ,]*/;

/** Headings that open another part of a plan than its targets: they end a block of targets. */
export const SECTION_WORDS =
  /^(?:nhiem vu|giai phap|to chuc thuc hien|kinh phi|nguon von|doi tuong|pham vi|muc dich|yeu cau|noi dung|can cu|trach nhiem|phan cong|khen thuong|che do bao cao|dieu khoan)(?![a-z])/;

/** A heading or sentence that opens a block of targets. */
export const TARGET_BLOCK = /^(?:cac |\d+[.)] )?(?:muc tieu|chi tieu)(?![a-z])/;

/** Words for a figure's measure, longest first; a word not listed is taken as it stands. */
export const MEASURE_WORDS = [
  "nguoi lao dong",
  "luot ho",
  "luot nguoi",
  "lao dong",
  "mo hinh",
  "trieu dong",
  "ty dong",
  "doanh nghiep",
  "hop tac xa",
];
