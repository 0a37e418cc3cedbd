// Seed data: the five government source pages the portal starts with, as it models them
// (docs/domain.md, "The seed data"). Plain typed data, no database
// calls; prisma/seed.ts inserts it and derives the search columns (searchName,
// searchText). Every id is fixed so that seeding is idempotent and tests can refer
// to records by id. No figure here is invented: every number is quoted from a source,
// and `statement` / task descriptions keep the sources' wording.
import type { Prisma } from "../lib/generated/prisma/client";
import {
  DocumentType,
  MeasureKind,
  ProgrammeKind,
  PublicationStatus,
  ResultStatus,
  Role,
  TargetKind,
  UnitLevel,
  ValueQualifier,
} from "../lib/generated/prisma/enums";

/** A calendar date (stored in `@db.Date` columns) at UTC midnight. */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** When the seeded records count as published on the portal (fixed, so reseeding is stable). */
export const SEED_PUBLISHED_AT = new Date("2026-11-23T00:00:00.000Z");

/** Bumped when the seed gains rows: a database seeded with an older version is seeded again (create-only). */
export const SEED_VERSION = "4";

// ---------------------------------------------------------------------------
// Administrative units (official GSO codes)
// ---------------------------------------------------------------------------

export const UNIT = {
  vn: "unit-vn",
  sonLa: "unit-14",
  canTho: "unit-92",
  socTrang: "unit-94",
  bacLieu: "unit-95",
  caMau: "unit-96",
  chauThanh: "unit-942",
  hongDan: "unit-956",
  phuocLong: "unit-957",
  hoaBinh: "unit-961",
} as const;

/** Last day of the units abolished or merged by the reform effective 1 July 2025. */
const REFORM_LAST_DAY = day("2025-06-30");

export type SeedUnit = Omit<Prisma.AdminUnitCreateManyInput, "searchName">;

/**
 * The units the registry (prisma/registry.ts, from the official lists) does not hold: the
 * nation, and the districts the sources name (the district level was abolished on 1 July 2025
 * and is not in the official lists; these keep their own rows, under their old provinces).
 * Provinces and communes come from the registry.
 */
export const adminUnits: SeedUnit[] = [
  { id: UNIT.vn, key: "VN", code: "VN", name: "Việt Nam", shortName: "Việt Nam", nameEn: "Viet Nam", level: UnitLevel.NATION, parentId: null, validFrom: null, validTo: null, successorId: null },
  // The district level was abolished on 1 July 2025: no successor district.
  { id: UNIT.chauThanh, key: "942", code: "942", name: "Huyện Châu Thành", shortName: "Châu Thành", nameEn: "Chau Thanh District", level: UnitLevel.DISTRICT, parentId: UNIT.socTrang, validFrom: null, validTo: REFORM_LAST_DAY, successorId: null },
  { id: UNIT.hongDan, key: "956", code: "956", name: "Huyện Hồng Dân", shortName: "Hồng Dân", nameEn: "Hong Dan District", level: UnitLevel.DISTRICT, parentId: UNIT.bacLieu, validFrom: null, validTo: REFORM_LAST_DAY, successorId: null },
  { id: UNIT.phuocLong, key: "957", code: "957", name: "Huyện Phước Long", shortName: "Phước Long", nameEn: "Phuoc Long District", level: UnitLevel.DISTRICT, parentId: UNIT.bacLieu, validFrom: null, validTo: REFORM_LAST_DAY, successorId: null },
  { id: UNIT.hoaBinh, key: "961", code: "961", name: "Huyện Hòa Bình", shortName: "Hòa Bình", nameEn: "Hoa Binh District", level: UnitLevel.DISTRICT, parentId: UNIT.bacLieu, validFrom: null, validTo: REFORM_LAST_DAY, successorId: null },
];

// ---------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------

export const PROGRAMME = {
  gnbv2016: "prog-ctmtqg-gnbv-2016-2020",
  gnbv2021: "prog-ctmtqg-gnbv-2021-2025",
  caNuocChungTay: "prog-pt-ca-nuoc-chung-tay",
  socTrang2016: "prog-pt-soc-trang-chung-tay-2016-2020",
  socTrang2021: "prog-pt-soc-trang-chung-tay-2021-2025",
  chauThanh2023: "prog-pt-chau-thanh-gnbv-gqvl-2023",
} as const;

/** Ordered parents first. */
export const programmes: Prisma.ProgrammeCreateManyInput[] = [
  {
    id: PROGRAMME.gnbv2016,
    code: "CTMTQG-GNBV-2016-2020",
    name: "Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 – 2020",
    nameEn: "National Target Programme for Sustainable Poverty Reduction 2016–2020",
    kind: ProgrammeKind.NATIONAL_TARGET_PROGRAMME,
    periodStart: 2016,
    periodEnd: 2020,
    parentId: null,
  },
  {
    id: PROGRAMME.gnbv2021,
    code: "CTMTQG-GNBV-2021-2025",
    name: "Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2021 – 2025",
    nameEn: "National Target Programme for Sustainable Poverty Reduction 2021–2025",
    kind: ProgrammeKind.NATIONAL_TARGET_PROGRAMME,
    periodStart: 2021,
    periodEnd: 2025,
    parentId: null,
  },
  {
    // No source states the national movement's period: the span below is the one the sources
    // show it running (Sóc Trăng's form for 2016–2020 in a 2018 page, Bạc Liêu "tiếp tục triển
    // khai" it in 2024), and it is marked as inferred wherever it shows.
    id: PROGRAMME.caNuocChungTay,
    code: "PTTD-CA-NUOC-CHUNG-TAY-VI-NGUOI-NGHEO",
    name: "Phong trào thi đua “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”",
    nameEn: "Emulation movement “The whole country joins hands for the poor – Leave no one behind”",
    kind: ProgrammeKind.EMULATION_MOVEMENT,
    periodStart: 2016,
    periodEnd: 2025,
    periodInferred:
      "Nguồn không nêu thời gian của phong trào; 2016–2025 là khoảng thời gian các nguồn cho thấy phong trào được triển khai (giai đoạn 2016 – 2020 ở Sóc Trăng, Bạc Liêu tiếp tục triển khai năm 2024).",
    parentId: null,
  },
  {
    // Named in source 001: "Sóc Trăng cùng cả nước chung tay vì người nghèo - Không để ai
    // bị bỏ lại phía sau, giai đoạn 2016 - 2020" (Sóc Trăng's form of the national movement).
    id: PROGRAMME.socTrang2016,
    code: "PTTD-SOC-TRANG-CUNG-CA-NUOC-2016-2020",
    name: "Phong trào thi đua “Sóc Trăng cùng cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2016 – 2020",
    nameEn: "Emulation movement “Soc Trang joins the whole country for the poor – Leave no one behind” 2016–2020",
    kind: ProgrammeKind.EMULATION_MOVEMENT,
    periodStart: 2016,
    periodEnd: 2020,
    parentId: PROGRAMME.caNuocChungTay,
  },
  {
    id: PROGRAMME.socTrang2021,
    code: "PTTD-SOC-TRANG-CHUNG-TAY-2021-2025",
    name: "Phong trào thi đua “Sóc Trăng chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2021 – 2025",
    nameEn: "Emulation movement “Soc Trang joins hands for the poor – Leave no one behind” 2021–2025",
    kind: ProgrammeKind.EMULATION_MOVEMENT,
    periodStart: 2021,
    periodEnd: 2025,
    // Source 004 does not link this movement to the national one: no parent.
    parentId: null,
  },
  {
    // Source 000 links it to no wider movement, so no parent.
    id: PROGRAMME.chauThanh2023,
    code: "PTTD-CHAU-THANH-GNBV-GQVL-2023",
    name: "Phong trào thi đua “Giảm nghèo bền vững và giải quyết việc làm huyện Châu Thành” năm 2023",
    nameEn: "Emulation movement “Sustainable poverty reduction and job creation in Chau Thanh district” 2023",
    kind: ProgrammeKind.EMULATION_MOVEMENT,
    periodStart: 2023,
    periodEnd: 2023,
    parentId: null,
  },
];

// ---------------------------------------------------------------------------
// Indicator catalogue
// ---------------------------------------------------------------------------

export const INDICATOR = {
  poorRate: "ind-poor-rate",
  nearPoorRate: "ind-near-poor-rate",
  jobs: "ind-jobs",
  labourExport: "ind-labour-export",
  vocationalTraining: "ind-vocational-training",
  trainedCertified: "ind-trained-certified-rate",
  healthInsurance: "ind-health-insurance-poor",
  escapedPoverty: "ind-escaped-poverty",
  models: "ind-poverty-models",
  modelHouseholds: "ind-model-households",
  modelFunding: "ind-model-funding",
  modelParticipatingHouseholds: "ind-model-participating-households",
  jobFairParticipants: "ind-job-fair-participants",
  jobEventParticipants: "ind-job-event-participants",
  jobSessions: "ind-job-sessions",
  jobTrainingClasses: "ind-job-training-classes",
  sustainableJobHouseholds: "ind-sustainable-job-households",
  poorHouseholdIncome: "ind-poor-household-income",
  poorUnitsEscaped: "ind-poor-units-escaped",
} as const;

/** The catalogue of population groups (created by the migration that introduced them). */
export const GROUP = {
  all: "group-all",
  poor: "group-poor",
  poorNearPoor: "group-poor-near-poor",
  poorNearPoorEscaped: "group-poor-near-poor-escaped",
  ethnicMinority: "group-ethnic-minority",
  khmer: "group-khmer",
  poorDistricts: "group-poor-districts",
  ruralWorkers: "group-rural-workers",
} as const;

export const indicators: Prisma.IndicatorCreateManyInput[] = [
  {
    id: INDICATOR.poorRate,
    code: "poor-rate",
    name: "Tỷ lệ hộ nghèo",
    nameEn: "Poor-household rate",
    measureUnit: "%",
    measureUnitEn: "%",
    measure: MeasureKind.RATE,
    lowerIsBetter: true,
    description: "Tỷ lệ hộ nghèo trên tổng số hộ; mức giảm tính bằng điểm phần trăm.",
  },
  {
    id: INDICATOR.nearPoorRate,
    code: "near-poor-rate",
    name: "Tỷ lệ hộ cận nghèo",
    nameEn: "Near-poor household rate",
    measureUnit: "%",
    measureUnitEn: "%",
    measure: MeasureKind.RATE,
    lowerIsBetter: true,
    description: "Tỷ lệ hộ cận nghèo trên tổng số hộ; mức giảm tính bằng điểm phần trăm.",
  },
  {
    id: INDICATOR.jobs,
    code: "jobs",
    name: "Lao động được giải quyết việc làm, kết nối việc làm",
    nameEn: "Workers given jobs or job connections",
    measureUnit: "người",
    measureUnitEn: "people",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: "Số lao động được giải quyết việc làm hoặc được hỗ trợ kết nối việc làm thành công.",
  },
  {
    id: INDICATOR.labourExport,
    code: "labour-export",
    name: "Lao động đi làm việc ở nước ngoài theo hợp đồng (xuất khẩu lao động)",
    nameEn: "Workers sent abroad under contract (labour export)",
    measureUnit: "người",
    measureUnitEn: "people",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.vocationalTraining,
    code: "vocational-training",
    name: "Lao động được đào tạo nghề",
    nameEn: "Workers given vocational training",
    measureUnit: "người",
    measureUnitEn: "people",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: "Bao gồm đào tạo nghề cho lao động nông thôn; nhóm lao động cụ thể ghi ở từng chỉ tiêu.",
  },
  {
    id: INDICATOR.trainedCertified,
    code: "trained-certified-rate",
    name: "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
    nameEn: "Share of trained workers with degrees or certificates",
    measureUnit: "%",
    measureUnitEn: "%",
    measure: MeasureKind.RATE,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.healthInsurance,
    code: "health-insurance-poor",
    name: "Tỷ lệ người thuộc hộ nghèo, cận nghèo được hỗ trợ thẻ bảo hiểm y tế",
    nameEn: "Health-insurance coverage of poor and near-poor people",
    measureUnit: "%",
    measureUnitEn: "%",
    measure: MeasureKind.RATE,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.escapedPoverty,
    code: "escaped-poverty",
    name: "Số hộ thoát nghèo",
    nameEn: "Households escaping poverty",
    measureUnit: "hộ",
    measureUnitEn: "households",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.models,
    code: "poverty-models",
    name: "Mô hình sinh kế, giảm nghèo được triển khai",
    nameEn: "Livelihood and poverty-reduction models implemented",
    measureUnit: "mô hình",
    measureUnitEn: "models",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.modelHouseholds,
    code: "model-households",
    name: "Lượt hộ tham gia mô hình sinh kế, giảm nghèo",
    nameEn: "Household participations in livelihood and poverty-reduction models",
    measureUnit: "lượt hộ",
    measureUnitEn: "household participations",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.modelFunding,
    code: "model-funding",
    name: "Kinh phí thực hiện mô hình sinh kế, giảm nghèo",
    nameEn: "Funding of livelihood and poverty-reduction models",
    measureUnit: "triệu đồng",
    measureUnitEn: "million VND",
    measure: MeasureKind.AMOUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    // "hộ" (households), not "lượt hộ" (a household counted once per model it joins).
    id: INDICATOR.modelParticipatingHouseholds,
    code: "model-participating-households",
    name: "Hộ tham gia mô hình sinh kế, giảm nghèo",
    nameEn: "Households taking part in livelihood and poverty-reduction models",
    measureUnit: "hộ",
    measureUnitEn: "households",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: "Số hộ (mỗi hộ tính một lần); khác với số lượt hộ tham gia.",
  },
  {
    id: INDICATOR.jobFairParticipants,
    code: "job-fair-participants",
    name: "Lao động tham gia ngày hội việc làm",
    nameEn: "Workers attending job fairs",
    measureUnit: "người",
    measureUnitEn: "people",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.jobEventParticipants,
    code: "job-event-participants",
    name: "Lượt người tham gia phiên giao dịch việc làm",
    nameEn: "Participations in job sessions",
    measureUnit: "lượt người",
    measureUnitEn: "participations",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.jobSessions,
    code: "job-sessions",
    name: "Phiên giao dịch việc làm được tổ chức",
    nameEn: "Job sessions held",
    measureUnit: "phiên",
    measureUnitEn: "sessions",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.jobTrainingClasses,
    code: "job-training-classes",
    name: "Lớp tập huấn hướng dẫn giao dịch việc làm cho cộng tác viên",
    nameEn: "Training classes on job-matching for collaborators",
    measureUnit: "lớp",
    measureUnitEn: "classes",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.sustainableJobHouseholds,
    code: "sustainable-job-households",
    name: "Hộ có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững",
    nameEn: "Households with at least one working-age member in sustainable employment",
    measureUnit: "hộ",
    measureUnitEn: "households",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: null,
  },
  // Catalogue entries for targets the plans state ("thu nhập bình quân của hộ nghèo tăng 1,5 lần",
  // "30% huyện nghèo thoát khỏi tình trạng nghèo"); no target or figure of the seed uses them.
  {
    id: INDICATOR.poorHouseholdIncome,
    code: "poor-household-income",
    name: "Thu nhập bình quân đầu người của hộ nghèo",
    nameEn: "Average per-capita income of poor households",
    measureUnit: "triệu đồng/người/năm",
    measureUnitEn: "million VND per person per year",
    measure: MeasureKind.AMOUNT,
    lowerIsBetter: false,
    description: null,
  },
  {
    id: INDICATOR.poorUnitsEscaped,
    code: "poor-units-escaped",
    name: "Huyện nghèo, xã đặc biệt khó khăn thoát khỏi tình trạng nghèo, đặc biệt khó khăn",
    nameEn: "Poor districts and extremely disadvantaged communes leaving that status",
    measureUnit: "đơn vị",
    measureUnitEn: "units",
    measure: MeasureKind.COUNT,
    lowerIsBetter: false,
    description: "Số đơn vị (huyện, xã) đã đạt đến cuối năm, tính lũy kế từ đầu thời kỳ.",
  },
];

// ---------------------------------------------------------------------------
// Plans (one per source)
// ---------------------------------------------------------------------------

export const PLAN = {
  chauThanh58: "plan-58-kh-ubnd-2023",
  socTrang1845: "plan-1845-ubnd-vx-2018",
  sonLa199: "plan-199-kh-ubnd-2022",
  bacLieu2024: "plan-bac-lieu-2024",
  socTrangMovement: "plan-soc-trang-phong-trao-2021-2025",
} as const;

export type SeedPlan = Omit<Prisma.PlanCreateManyInput, "searchText">;

const published = { status: PublicationStatus.PUBLISHED, publishedAt: SEED_PUBLISHED_AT } as const;

export const plans: SeedPlan[] = [
  {
    id: PLAN.chauThanh58,
    code: "58/KH-UBND",
    type: DocumentType.KE_HOACH,
    issuer: "UBND huyện Châu Thành",
    issuerUnitId: UNIT.chauThanh,
    issuedOn: day("2023-03-21"),
    issueYear: 2023,
    title: "Kế hoạch về việc phát động phong trào thi đua “Giảm nghèo bền vững và giải quyết việc làm huyện Châu Thành” năm 2023",
    summary:
      "Phát động phong trào thi đua sâu rộng trong toàn xã hội, đẩy mạnh công tác giải quyết việc làm, phát triển kinh tế, làm cơ sở cho việc giảm nghèo bền vững. " +
      "Chỉ tiêu năm 2023: giảm tỷ lệ hộ nghèo từ 2 – 2,5% (hộ nghèo người dân tộc Khmer từ 3 – 3,5%), giải quyết việc làm cho 2.400 lao động, đào tạo nghề cho 350 lao động nông thôn.",
    periodStart: 2023,
    periodEnd: 2023,
    programmeId: PROGRAMME.chauThanh2023,
    sourceUrl: null,
    sourcePublisher: "Cổng thông tin điện tử UBND huyện Châu Thành (tỉnh Sóc Trăng)",
    sourceTitle: "Phát động phong trào thi đua “Giảm nghèo bền vững và giải quyết việc làm huyện Châu Thành” năm 2023",
    sourcePublishedOn: null,
    sourceNote: "Người viết: Yến Võ. Trang không ghi ngày đăng.",
    ...published,
  },
  {
    id: PLAN.socTrang1845,
    code: "1845/UBND-VX",
    type: DocumentType.CONG_VAN,
    issuer: "Chủ tịch UBND tỉnh Sóc Trăng",
    issuerUnitId: UNIT.socTrang,
    issuedOn: day("2018-09-27"),
    issueYear: 2018,
    title:
      "Công văn về việc triển khai thực hiện Nghị quyết số 11/NQ-HĐND ngày 10/7/2018 của Hội đồng nhân dân tỉnh Sóc Trăng về giám sát tình hình triển khai, thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2015 - 2017",
    summary:
      "Chủ tịch UBND tỉnh chỉ đạo các Sở, ban ngành, UBND các huyện, thị xã, thành phố phối hợp Mặt trận Tổ quốc và các tổ chức đoàn thể tiếp tục đẩy mạnh tuyên truyền về công tác giảm nghèo, nhất là Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020. " +
      "Văn bản giao nhiệm vụ cho Sở Lao động – Thương binh và Xã hội, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể, UBND các huyện, thị xã, thành phố; không nêu chỉ tiêu định lượng.",
    // The source states no period; the one below is inferred and marked as such.
    periodStart: 2018,
    periodEnd: 2020,
    periodInferred:
      "Văn bản không nêu thời hạn; suy ra từ năm ban hành (2018) đến năm cuối của Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 – 2020 mà văn bản triển khai.",
    programmeId: PROGRAMME.gnbv2016,
    sourceUrl: null,
    sourcePublisher: null, // the page does not name the site that published it
    sourceTitle: "Sóc Trăng chỉ đạo thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững",
    sourcePublishedOn: null,
    sourceNote: "Tin tức – Kinh tế xã hội; người viết: Kim Thanh. Trang không ghi tên cơ quan đăng tin và ngày đăng.",
    ...published,
  },
  {
    id: PLAN.sonLa199,
    code: "199/KH-UBND",
    type: DocumentType.KE_HOACH,
    issuer: "UBND tỉnh Sơn La",
    issuerUnitId: UNIT.sonLa,
    issuedOn: day("2022-08-02"),
    issueYear: 2022,
    title: "Kế hoạch thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2022 trên địa bàn tỉnh Sơn La",
    summary:
      "Huy động sức mạnh của cả hệ thống chính trị và toàn xã hội vào công tác giảm nghèo bền vững, nâng cao mức sống và chất lượng sống cho hộ nghèo, hộ cận nghèo. " +
      "Mục tiêu năm 2022: giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%, hỗ trợ kết nối việc làm thành công cho khoảng 25.000 lao động; Sở Lao động - Thương binh và Xã hội là cơ quan thường trực, điều phối Chương trình.",
    periodStart: 2022,
    periodEnd: 2022,
    programmeId: PROGRAMME.gnbv2021,
    sourceUrl: null,
    sourcePublisher: null, // the page does not name the site that published it
    sourceTitle: "Kế hoạch thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2022 trên địa bàn tỉnh Sơn La",
    sourcePublishedOn: null,
    sourceNote: "Người viết: Ánh Nguyệt (TH). Trang không ghi tên cơ quan đăng tin và ngày đăng.",
    ...published,
  },
  {
    // A news report, not a document: it states the province's 2024 targets without naming
    // the body that set them ("năm 2024, Bạc Liêu sẽ…", box "PHẤN ĐẤU NĂM 2024 GIẢM 2.273
    // HỘ NGHÈO"), so the issuer is the province as the report words it, the type TIN_BAI,
    // no number and no issue date (the publication date is in sourceNote).
    id: PLAN.bacLieu2024,
    code: null,
    type: DocumentType.TIN_BAI,
    issuer: "Tỉnh Bạc Liêu",
    issuerUnitId: UNIT.bacLieu,
    issuedOn: null,
    issueYear: 2024,
    title: "Bạc Liêu: Hướng tới mục tiêu giảm nghèo bền vững",
    summary:
      "Tin tổng kết công tác giảm nghèo năm 2023 của tỉnh Bạc Liêu (hơn 80 mô hình sinh kế cho trên 1.000 lượt hộ tham gia, ngày hội và phiên giao dịch việc làm). " +
      "Năm 2024, tỉnh phấn đấu giảm tỷ lệ hộ nghèo 1%, tương đương 2.273 hộ, và hỗ trợ thẻ bảo hiểm y tế cho 100% hộ nghèo, cận nghèo, người thuộc hộ nghèo và hộ cận nghèo mới thoát nghèo.",
    periodStart: 2024,
    periodEnd: 2024,
    programmeId: PROGRAMME.gnbv2021,
    sourceUrl: null,
    sourcePublisher: null, // the page does not name the site that published it
    sourceTitle: "BẠC LIÊU: HƯỚNG TỚI MỤC TIÊU GIẢM NGHÈO BỀN VỮNG",
    sourcePublishedOn: day("2024-04-12"),
    sourceNote: "Chuyên mục Giảm nghèo - Việc làm, đăng lúc 15:30; người viết: Kim Trung. Tin bài, không phải văn bản có số hiệu; trang không ghi tên cơ quan đăng tin.",
    ...published,
  },
  {
    id: PLAN.socTrangMovement,
    code: null, // the source states no document number
    type: DocumentType.KE_HOACH,
    issuer: "UBND tỉnh Sóc Trăng",
    issuerUnitId: UNIT.socTrang,
    issuedOn: null,
    // The source gives no issue date; the year is inferred and marked as such.
    issueYear: 2021,
    issueYearInferred:
      "Nguồn không ghi ngày ban hành; năm 2021 là năm đầu của giai đoạn kế hoạch (“được phát động và thực hiện từ năm 2021 đến năm 2025”).",
    title:
      "Kế hoạch tổ chức thực hiện Phong trào thi đua “Sóc Trăng chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 – 2025",
    summary:
      "Phát huy kết quả thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững; tổ chức Phong trào thi đua thiết thực, hiệu quả, phấn đấu giảm tỷ lệ hộ nghèo hàng năm đạt từ 2% - 3%, cải thiện sinh kế và nâng cao chất lượng cuộc sống của người nghèo. " +
      "Phong trào được phát động và thực hiện từ năm 2021 đến năm 2025.",
    periodStart: 2021,
    periodEnd: 2025,
    programmeId: PROGRAMME.socTrang2021,
    sourceUrl: null,
    sourcePublisher: "Cổng thông tin điện tử tỉnh Sóc Trăng",
    sourceTitle:
      "Ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua “Sóc Trăng chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 – 2025",
    sourcePublishedOn: null,
    sourceNote: "Người viết: An Vy. Trang không ghi ngày đăng, số hiệu và ngày ban hành văn bản.",
    ...published,
  },
];

// ---------------------------------------------------------------------------
// Citations (căn cứ), exactly as the sources state them
// ---------------------------------------------------------------------------

export const planCitations: Prisma.PlanCitationCreateManyInput[] = [
  {
    id: "cite-1845-1",
    planId: PLAN.socTrang1845,
    position: 1,
    citedPlanId: null,
    code: "11/NQ-HĐND",
    type: DocumentType.NGHI_QUYET,
    issuer: "HĐND tỉnh Sóc Trăng",
    issuedOn: day("2018-07-10"),
    title: "Về giám sát tình hình triển khai, thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2015 - 2017",
  },
  {
    id: "cite-1845-2",
    planId: PLAN.socTrang1845,
    position: 2,
    citedPlanId: null,
    code: "03-NQ/TU",
    type: DocumentType.NGHI_QUYET,
    issuer: "Ban Chấp hành Đảng bộ tỉnh Sóc Trăng",
    issuedOn: day("2016-08-03"),
    // The source's "về thực hiện Chương trình … 2016 - 2020" may qualify this resolution
    // too, but grammatically attaches to Kế hoạch 83/KH-UBND; no title is asserted here.
    title: null,
  },
  {
    id: "cite-1845-3",
    planId: PLAN.socTrang1845,
    position: 3,
    citedPlanId: null,
    code: "83/KH-UBND",
    type: DocumentType.KE_HOACH,
    issuer: "UBND tỉnh Sóc Trăng",
    issuedOn: day("2016-11-11"),
    title: "Về thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020",
  },
  {
    id: "cite-199-1",
    planId: PLAN.sonLa199,
    position: 1,
    citedPlanId: null,
    code: null, // the source names the resolution without a number
    type: DocumentType.NGHI_QUYET,
    issuer: "Đại hội Đảng bộ tỉnh Sơn La lần thứ XV",
    issuedOn: null,
    title: "Nghị quyết Đại hội tỉnh Đảng bộ Sơn La lần thứ XV",
  },
  {
    id: "cite-199-2",
    planId: PLAN.sonLa199,
    position: 2,
    citedPlanId: null,
    code: "20-NQ/TU",
    type: DocumentType.NGHI_QUYET,
    issuer: "Ban Thường vụ Tỉnh ủy Sơn La",
    issuedOn: day("2021-12-21"),
    title: null,
  },
  {
    id: "cite-199-3",
    planId: PLAN.sonLa199,
    position: 3,
    citedPlanId: null,
    code: "147/KH-UBND",
    type: DocumentType.KE_HOACH,
    issuer: "UBND tỉnh Sơn La",
    issuedOn: day("2022-05-31"),
    title: null,
  },
];

// ---------------------------------------------------------------------------
// Tasks (nhiệm vụ) with the agencies the sources make responsible
// ---------------------------------------------------------------------------

/** Where a source lists a task without naming who carries it out. */
export const RESPONSIBLE_NOT_STATED = "Không nêu trong nguồn";

export const planTasks: Prisma.PlanTaskCreateManyInput[] = [
  // 58/KH-UBND, "Nhiệm vụ thi đua"
  {
    id: "task-58-1",
    planId: PLAN.chauThanh58,
    position: 1,
    description:
      "Tổ chức tuyên truyền trên các phương tiện thông tin đại chúng, đến các ban, ngành, đoàn thể và toàn thể quần chúng về chương trình, mục tiêu giảm nghèo của huyện; nhân rộng các mô hình kinh tế giỏi giải quyết được nhiều việc làm mới cho người lao động.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-58-2",
    planId: PLAN.chauThanh58,
    position: 2,
    description:
      "Tăng cường vai trò lãnh đạo, chỉ đạo, điều hành đối với công tác giảm nghèo; tham gia chỉ đạo và tổ chức thực hiện các chương trình, chính sách, vận động, huy động sự đóng góp của cộng đồng vào công tác giảm nghèo.",
    responsible: "Các cấp ủy Đảng, chính quyền địa phương; Mặt trận Tổ quốc và các đoàn thể",
  },
  {
    id: "task-58-3",
    planId: PLAN.chauThanh58,
    position: 3,
    description:
      "Đẩy mạnh hoạt động hỗ trợ cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, ưu tiên người nghèo vùng đồng bào dân tộc thiểu số thông qua hệ thống chính sách giảm nghèo hiện hành và Chương trình mục tiêu quốc gia Giảm nghèo bền vững.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-58-4",
    planId: PLAN.chauThanh58,
    position: 4,
    description:
      "Nhân rộng các mô hình giảm nghèo có hiệu quả, phù hợp nhằm nâng cao năng lực sản xuất, kinh doanh hộ nghèo, cận nghèo; tạo điều kiện thuận lợi cho người nghèo, cận nghèo tiếp cận các chính sách, nguồn lực thị trường.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-58-5",
    planId: PLAN.chauThanh58,
    position: 5,
    description:
      "Đẩy mạnh ứng dụng, chuyển giao các tiến bộ khoa học và công nghệ phục vụ cho sản xuất nông nghiệp, phù hợp với điều kiện khí hậu, đất đai và tập quán canh tác của người dân địa phương.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-58-6",
    planId: PLAN.chauThanh58,
    position: 6,
    description:
      "Khuyến khích tiếp tục thực hiện dạy nghề, gắn dạy nghề với tạo việc làm tại chỗ, dạy nghề phù hợp với cơ cấu lao động, cơ cấu ngành nghề của địa phương, ưu tiên các nghề có thể tự tạo việc làm tại chỗ, có nhu cầu cao và tham gia xuất khẩu lao động.",
    responsible:
      "Các doanh nghiệp, các tổ chức, cá nhân; cơ sở đủ điều kiện dạy nghề và nhận lao động học nghề làm việc tại chỗ: Tân Huê Viên, Tân Hưng, Công Lập Thành, Mỹ Trân, Quãng Trân, Lương Trân, Mỹ Anh, Mỹ Tân (sản xuất bánh pía, lạp xưởng); Thanh Đại (bún khô); Tư Thao (nấm rơm), cơ sở mộc Dư Hoài, cơ sở mộc Tú Huệ",
  },
  // 1845/UBND-VX
  {
    id: "task-1845-1",
    planId: PLAN.socTrang1845,
    position: 1,
    description:
      "Tiếp tục đẩy mạnh công tác phổ biến, tuyên truyền về công tác giảm nghèo, nhất là Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020, Nghị quyết số 03-NQ/TU và Kế hoạch số 83/KH-UBND; vận động cán bộ, công chức và nhân dân tham gia các chương trình, dự án về giảm nghèo.",
    responsible: "Các Sở, ban ngành, UBND các huyện, thị xã, thành phố phối hợp Mặt trận Tổ quốc và các tổ chức đoàn thể",
  },
  {
    id: "task-1845-2",
    planId: PLAN.socTrang1845,
    position: 2,
    description:
      "Thực hiện tốt công tác giáo dục nghề nghiệp, nâng cao chất lượng đào tạo nghề gắn với nhu cầu thị trường lao động của địa phương; xây dựng kế hoạch giải quyết việc làm, giới thiệu việc làm và giới thiệu xuất khẩu lao động tại các thị trường có tiềm năng.",
    responsible: "Sở Lao động – Thương binh và Xã hội (cơ quan chủ trì Chương trình)",
  },
  {
    id: "task-1845-3",
    planId: PLAN.socTrang1845,
    position: 3,
    description:
      "Phối hợp các sở, ngành triển khai thực hiện có hiệu quả các chính sách an sinh xã hội, hỗ trợ phát triển sản xuất và nhân rộng mô hình giảm nghèo; chỉ đạo, hướng dẫn, theo dõi, giám sát các địa phương thực hiện đúng quy trình về điều tra, rà soát hộ nghèo, hộ cận nghèo hằng năm.",
    responsible: "Sở Lao động – Thương binh và Xã hội (cơ quan chủ trì Chương trình)",
  },
  {
    id: "task-1845-4",
    planId: PLAN.socTrang1845,
    position: 4,
    description:
      "Bồi dưỡng, tập huấn, kịp thời cập nhật kiến thức nhằm nâng cao trình độ, năng lực chuyên môn cho cán bộ làm công tác giảm nghèo các cấp từ tỉnh đến cơ sở.",
    responsible: "Sở Lao động – Thương binh và Xã hội (cơ quan chủ trì Chương trình)",
  },
  {
    id: "task-1845-5",
    planId: PLAN.socTrang1845,
    position: 5,
    description:
      "Đẩy mạnh tuyên truyền về công tác giảm nghèo; vận động đoàn viên, hội viên tích cực tham gia phong trào thi đua “Sóc Trăng cùng cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau, giai đoạn 2016 - 2020”; hỗ trợ thoát nghèo có địa chỉ.",
    responsible: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức đoàn thể tỉnh",
  },
  {
    id: "task-1845-6",
    planId: PLAN.socTrang1845,
    position: 6,
    description:
      "Tập trung lãnh đạo, chỉ đạo thực hiện toàn diện Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 – 2020 tại địa phương và chịu trách nhiệm trước Tỉnh ủy, UBND tỉnh về kết quả thực hiện trên địa bàn; triển khai có hiệu quả nguồn vốn các dự án, tiểu dự án.",
    responsible: "UBND các huyện, thị xã, thành phố",
  },
  {
    id: "task-1845-7",
    planId: PLAN.socTrang1845,
    position: 7,
    description:
      "Tổ chức điều tra, rà soát, bình xét hộ nghèo, hộ cận nghèo theo đúng quy trình, đảm bảo chặt chẽ, công khai, minh bạch, đúng đối tượng; phối hợp với Mặt trận Tổ quốc và các đoàn thể giúp đỡ, hướng dẫn hộ nghèo, hộ cận nghèo thực hiện các mô hình làm ăn có hiệu quả.",
    responsible: "UBND các huyện, thị xã, thành phố",
  },
  // 199/KH-UBND
  {
    id: "task-199-1",
    planId: PLAN.sonLa199,
    position: 1,
    description:
      "Là cơ quan thường trực, điều phối Chương trình; chủ trì phối hợp với các sở, ngành liên quan được phân công trong Kế hoạch, UBND các huyện, thành phố đôn đốc, hướng dẫn tổ chức triển khai thực hiện Chương trình đảm bảo hiệu quả, đạt mục tiêu đề ra.",
    responsible: "Sở Lao động - Thương binh và Xã hội (cơ quan thường trực); các sở, ngành liên quan, UBND các huyện, thành phố",
  },
  // Bạc Liêu 2024: the non-numeric points of the box "PHẤN ĐẤU NĂM 2024 GIẢM 2.273 HỘ NGHÈO"
  {
    id: "task-bac-lieu-2024-1",
    planId: PLAN.bacLieu2024,
    position: 1,
    description: "Duy trì việc hỗ trợ, giúp đỡ, hỗ trợ hộ nghèo, cận nghèo trong các cơ quan, đơn vị, doanh nghiệp từ tỉnh đến cơ sở.",
    responsible: "Các cơ quan, đơn vị, doanh nghiệp từ tỉnh đến cơ sở",
  },
  {
    id: "task-bac-lieu-2024-2",
    planId: PLAN.bacLieu2024,
    position: 2,
    description: "Đẩy mạnh công tác đào tạo nghề, đa dạng hóa ngành nghề phù hợp với trình độ lao động nghèo.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-bac-lieu-2024-3",
    planId: PLAN.bacLieu2024,
    position: 3,
    description:
      "Tiếp tục phát huy vai trò trong việc phối hợp triển khai thực hiện và giám sát việc thực hiện chương trình giảm nghèo; tiếp tục triển khai thực hiện có hiệu quả phong trào thi đua “Cả nước chung tay vì người nghèo - không để ai bị bỏ lại phía sau”.",
    responsible: "MTTQ và các đoàn thể",
  },
  // Sóc Trăng 2021–2025 movement: its contents ("với các nội dung sau")
  {
    id: "task-soc-trang-pt-1",
    planId: PLAN.socTrangMovement,
    position: 1,
    description:
      "Thực hiện tốt công tác tuyên truyền nâng cao nhận thức cho cán bộ, đảng viên, đoàn viên, hội viên, Nhân dân về ý nghĩa và tầm quan trọng của công tác giảm nghèo; khơi dậy tinh thần tự lực vươn lên thoát nghèo của người dân và cộng đồng.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-soc-trang-pt-2",
    planId: PLAN.socTrangMovement,
    position: 2,
    description:
      "Thi đua phát huy sáng kiến, đề xuất giải pháp thực hiện mục tiêu giảm nghèo; gắn Phong trào thi đua với Phong trào “Sóc Trăng chung sức xây dựng nông thôn mới”; đồng hành cùng người nghèo để hướng tới trong cộng đồng không ai bị bỏ lại phía sau.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-soc-trang-pt-3",
    planId: PLAN.socTrangMovement,
    position: 3,
    description:
      "Nhân rộng các mô hình giảm nghèo có hiệu quả, phù hợp nhằm nâng cao năng lực sản xuất, kinh doanh cho hộ nghèo, cận nghèo; triển khai thực hiện đồng bộ các chính sách an sinh xã hội, bảo đảm đầy đủ, kịp thời, đúng đối tượng.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-soc-trang-pt-4",
    planId: PLAN.socTrangMovement,
    position: 4,
    description:
      "Phát huy, nhân rộng mô hình nhóm tiết kiệm để người dân, nhất là người thuộc hộ nghèo tiếp cận được nguồn vốn để phát triển sản xuất và chăn nuôi; đổi mới quy trình, đơn giản thủ tục để tạo điều kiện cho người dân nghèo tiếp cận được nguồn vốn.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-soc-trang-pt-5",
    planId: PLAN.socTrangMovement,
    position: 5,
    description:
      "Thi đua đoàn kết giúp nhau giảm nghèo và từng bước làm giàu; chủ động vượt khó vươn lên thoát nghèo và giúp đỡ các cá nhân, hộ gia đình khác phát triển kinh tế, cùng nhau vươn lên thoát nghèo.",
    responsible: RESPONSIBLE_NOT_STATED,
  },
  {
    id: "task-soc-trang-pt-6",
    planId: PLAN.socTrangMovement,
    position: 6,
    // The source misspells "gương điển hình tiên tiến" ("gương điên hình tiến tiến").
    description:
      "Hàng năm căn cứ thành tích cụ thể, giới thiệu gương điển hình tiên tiến trong thực hiện Phong trào thi đua gửi về Sở Nội vụ giới thiệu, tuyên truyền và xem xét đề nghị khen thưởng theo quy định.",
    responsible: "Các cơ quan, đơn vị, địa phương; Sở Nội vụ",
  },
];

// ---------------------------------------------------------------------------
// Targets (every numeric target the sources state; qualitative ones where a
// source states a non-numeric objective among its targets)
// ---------------------------------------------------------------------------

export const TARGET = {
  ct58PoorRate: "target-58-poor-rate",
  ct58PoorRateKhmer: "target-58-poor-rate-khmer",
  ct58Jobs: "target-58-jobs",
  ct58LabourExport: "target-58-labour-export",
  ct58VocationalTraining: "target-58-vocational-training",
  ct58TrainedCertified: "target-58-trained-certified",
  sl199PoorRate: "target-199-poor-rate",
  sl199PoorRateEthnic: "target-199-poor-rate-ethnic-minority",
  sl199PoorRatePoorDistricts: "target-199-poor-rate-poor-districts",
  sl199Models: "target-199-poverty-models",
  sl199JobConnections: "target-199-job-connections",
  sl199JobConnectionsPoorShare: "target-199-job-connections-poor-share",
  sl199SustainableJob: "target-199-sustainable-job",
  sl199Training: "target-199-vocational-training",
  sl199LabourExport: "target-199-labour-export",
  bl2024PoorRate: "target-bac-lieu-2024-poor-rate",
  bl2024HealthInsurance: "target-bac-lieu-2024-health-insurance",
  stMovementPoorRate: "target-soc-trang-2021-2025-poor-rate",
} as const;

type SeedTarget = Prisma.TargetCreateManyInput;

const targetDefaults = {
  strict: false,
  approximate: false,
  baseline: null, // no source states a baseline
  annual: false,
  parentId: null,
  groupId: GROUP.all,
  upper: null,
  equivalentValue: null,
  equivalentUnit: null,
  qualitativeStatus: null,
  status: PublicationStatus.PUBLISHED,
} as const;

/** Ordered parents before their sub-targets ("trong đó"). */
export const targets: SeedTarget[] = [
  // 58/KH-UBND (huyện Châu Thành, 2023)
  {
    ...targetDefaults,
    id: TARGET.ct58PoorRate,
    planId: PLAN.chauThanh58,
    position: 1,
    indicatorId: INDICATOR.poorRate,
    unitId: UNIT.chauThanh,
    kind: TargetKind.DECREASE_BY,
    lower: 2,
    upper: 2.5,
    periodStart: 2023,
    periodEnd: 2023,
    statement: "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt từ 2 – 2,5%",
  },
  {
    ...targetDefaults,
    id: TARGET.ct58PoorRateKhmer,
    planId: PLAN.chauThanh58,
    position: 2,
    indicatorId: INDICATOR.poorRate,
    unitId: UNIT.chauThanh,
    groupId: GROUP.khmer,
    kind: TargetKind.DECREASE_BY,
    lower: 3,
    upper: 3.5,
    periodStart: 2023,
    periodEnd: 2023,
    parentId: TARGET.ct58PoorRate,
    statement: "trong đó giảm tỷ lệ hộ nghèo người dân tộc Khmer đạt từ 3 – 3,5 %",
  },
  {
    ...targetDefaults,
    id: TARGET.ct58Jobs,
    planId: PLAN.chauThanh58,
    position: 3,
    indicatorId: INDICATOR.jobs,
    unitId: UNIT.chauThanh,
    kind: TargetKind.COUNT,
    lower: 2400,
    periodStart: 2023,
    periodEnd: 2023,
    statement: "Giải quyết việc làm cho 2.400 lao động",
  },
  {
    ...targetDefaults,
    id: TARGET.ct58LabourExport,
    planId: PLAN.chauThanh58,
    position: 4,
    indicatorId: INDICATOR.labourExport,
    unitId: UNIT.chauThanh,
    kind: TargetKind.COUNT,
    lower: 25,
    periodStart: 2023,
    periodEnd: 2023,
    parentId: TARGET.ct58Jobs,
    statement: "trong đó xuất khẩu lao động 25 người",
  },
  {
    ...targetDefaults,
    id: TARGET.ct58VocationalTraining,
    planId: PLAN.chauThanh58,
    position: 5,
    indicatorId: INDICATOR.vocationalTraining,
    unitId: UNIT.chauThanh,
    groupId: GROUP.ruralWorkers,
    kind: TargetKind.COUNT,
    lower: 350,
    periodStart: 2023,
    periodEnd: 2023,
    statement: "Đào tạo nghề cho lao động nông thôn (kể cả tư nhân) cho 350 lao động",
  },
  {
    ...targetDefaults,
    id: TARGET.ct58TrainedCertified,
    planId: PLAN.chauThanh58,
    position: 6,
    indicatorId: INDICATOR.trainedCertified,
    unitId: UNIT.chauThanh,
    kind: TargetKind.REACH_AT_LEAST,
    lower: 37,
    periodStart: 2023,
    periodEnd: 2023,
    statement: "Phấn đấu đến cuối năm 2023 tỷ lệ lao động qua đào tạo có bằng cắp, chứng chỉ đạt từ 37 %",
  },

  // 199/KH-UBND (tỉnh Sơn La, 2022), "Mục tiêu cụ thể" in the source's order
  {
    ...targetDefaults,
    id: TARGET.sl199PoorRate,
    planId: PLAN.sonLa199,
    position: 1,
    indicatorId: INDICATOR.poorRate,
    unitId: UNIT.sonLa,
    kind: TargetKind.REACH_AT_MOST,
    lower: 18.66,
    periodStart: 2022,
    periodEnd: 2022,
    statement: "Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199PoorRateEthnic,
    planId: PLAN.sonLa199,
    position: 2,
    indicatorId: INDICATOR.poorRate,
    unitId: UNIT.sonLa,
    groupId: GROUP.ethnicMinority,
    kind: TargetKind.DECREASE_BY,
    lower: 3,
    strict: true,
    periodStart: 2022,
    periodEnd: 2022,
    statement: "giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199PoorRatePoorDistricts,
    planId: PLAN.sonLa199,
    position: 3,
    indicatorId: INDICATOR.poorRate,
    unitId: UNIT.sonLa,
    groupId: GROUP.poorDistricts,
    kind: TargetKind.DECREASE_BY,
    lower: 4,
    upper: 5,
    periodStart: 2022,
    periodEnd: 2022,
    statement: "giảm tỷ lệ hộ nghèo của các huyện nghèo từ 4 - 5%",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199Models,
    planId: PLAN.sonLa199,
    position: 4,
    indicatorId: INDICATOR.models,
    unitId: UNIT.sonLa,
    groupId: GROUP.poorNearPoorEscaped,
    kind: TargetKind.QUALITATIVE,
    lower: null,
    periodStart: 2022,
    periodEnd: 2022,
    statement:
      "Hỗ trợ phát triển các mô hình giảm nghèo trong lĩnh vực phát triển sản xuất (chăn nuôi, trồng trọt, tiểu thủ công nghiệp); xây dựng thí điểm các mô hình du lịch cộng đồng, khởi nghiệp/khởi sự kinh doanh góp phần tạo sinh kế, việc làm bền vững, thu nhập tốt, thích ứng biến đổi khí hậu cho hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199JobConnections,
    planId: PLAN.sonLa199,
    position: 5,
    indicatorId: INDICATOR.jobs,
    unitId: UNIT.sonLa,
    kind: TargetKind.COUNT,
    lower: 25000,
    approximate: true,
    periodStart: 2022,
    periodEnd: 2022,
    statement: "Hỗ trợ kết nối việc làm thành công cho khoảng 25.000 lao động",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199JobConnectionsPoorShare,
    planId: PLAN.sonLa199,
    position: 6,
    indicatorId: INDICATOR.jobs,
    unitId: UNIT.sonLa,
    groupId: GROUP.poorNearPoorEscaped,
    kind: TargetKind.SHARE_OF_PARENT,
    lower: 50,
    strict: true,
    periodStart: 2022,
    periodEnd: 2022,
    parentId: TARGET.sl199JobConnections,
    statement: "trong đó có trên 50% người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo ở vùng nghèo, vùng khó khăn",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199SustainableJob,
    planId: PLAN.sonLa199,
    position: 7,
    indicatorId: INDICATOR.sustainableJobHouseholds, // the source gives no figure: qualitative
    unitId: UNIT.sonLa,
    groupId: GROUP.poorNearPoor,
    kind: TargetKind.QUALITATIVE,
    lower: null,
    periodStart: 2022,
    periodEnd: 2022,
    statement: "Hỗ trợ hộ nghèo, hộ cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199Training,
    planId: PLAN.sonLa199,
    position: 8,
    indicatorId: INDICATOR.vocationalTraining,
    unitId: UNIT.sonLa,
    groupId: GROUP.poorDistricts,
    kind: TargetKind.COUNT,
    lower: 4000,
    periodStart: 2022,
    periodEnd: 2022,
    statement: "Hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo",
  },
  {
    ...targetDefaults,
    id: TARGET.sl199LabourExport,
    planId: PLAN.sonLa199,
    position: 9,
    indicatorId: INDICATOR.labourExport,
    unitId: UNIT.sonLa,
    groupId: GROUP.poorDistricts,
    kind: TargetKind.COUNT,
    lower: 40,
    periodStart: 2022,
    periodEnd: 2022,
    statement: "hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài theo hợp đồng",
  },

  // Bạc Liêu 2024 (news report of 12/04/2024)
  {
    ...targetDefaults,
    id: TARGET.bl2024PoorRate,
    planId: PLAN.bacLieu2024,
    position: 1,
    indicatorId: INDICATOR.poorRate,
    unitId: UNIT.bacLieu,
    kind: TargetKind.DECREASE_BY,
    lower: 1,
    periodStart: 2024,
    periodEnd: 2024,
    equivalentValue: 2273,
    equivalentUnit: "hộ",
    statement: "Phấn đấu giảm tỷ lệ hộ nghèo 1%, tương đương 2.273 hộ",
  },
  {
    ...targetDefaults,
    id: TARGET.bl2024HealthInsurance,
    planId: PLAN.bacLieu2024,
    position: 2,
    indicatorId: INDICATOR.healthInsurance,
    unitId: UNIT.bacLieu,
    groupId: GROUP.poorNearPoorEscaped,
    kind: TargetKind.REACH_AT_LEAST,
    lower: 100,
    periodStart: 2024,
    periodEnd: 2024,
    statement: "Hỗ trợ thẻ bảo hiểm y tế cho 100% hộ nghèo, cận nghèo, người thuộc hộ nghèo và hộ cận nghèo mới thoát nghèo",
  },

  // Sóc Trăng 2021–2025 movement plan
  {
    ...targetDefaults,
    id: TARGET.stMovementPoorRate,
    planId: PLAN.socTrangMovement,
    position: 1,
    indicatorId: INDICATOR.poorRate,
    unitId: UNIT.socTrang,
    kind: TargetKind.DECREASE_BY,
    lower: 2,
    upper: 3,
    periodStart: 2021,
    periodEnd: 2025,
    annual: true,
    statement: "phấn đấu giảm tỷ lệ hộ nghèo hàng năm đạt từ 2% - 3%",
  },
];

// ---------------------------------------------------------------------------
// Results the sources state (Bạc Liêu, 2023). Not tied to a target: no plan in the
// portal set 2023 targets for these indicators. Nothing else is real data.
// ---------------------------------------------------------------------------

const BAC_LIEU_RESULT_SOURCE = "Tin “BẠC LIÊU: HƯỚNG TỚI MỤC TIÊU GIẢM NGHÈO BỀN VỮNG”, đăng 12/04/2024; người viết: Kim Trung.";

const bacLieuResult = {
  targetId: null,
  year: 2023,
  baseline: null,
  evidenceUrl: null,
  sourceNote: BAC_LIEU_RESULT_SOURCE,
  reportedInPlanId: PLAN.bacLieu2024,
  groupId: GROUP.all,
  isDemo: false,
  status: ResultStatus.PUBLISHED,
  version: 1,
  enteredById: null,
  approvedById: null,
  approvedAt: null,
} as const;

export const results: Prisma.ResultCreateManyInput[] = [
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-livelihood-models",
    indicatorId: INDICATOR.models,
    unitId: UNIT.bacLieu,
    value: 80,
    qualifier: ValueQualifier.OVER,
    label: "Mô hình sinh kế triển khai trong năm (chủ yếu sản xuất nông nghiệp: chăn nuôi, trồng màu, đan đát…)",
    note: "“tổng số hơn 80 mô hình sinh kế cho trên 1.000 lượt hộ tham gia”",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-livelihood-model-households",
    indicatorId: INDICATOR.modelHouseholds,
    unitId: UNIT.bacLieu,
    value: 1000,
    qualifier: ValueQualifier.OVER,
    label: "Lượt hộ tham gia hơn 80 mô hình sinh kế",
    note: "“tổng số hơn 80 mô hình sinh kế cho trên 1.000 lượt hộ tham gia”",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-fish-model-funding",
    indicatorId: INDICATOR.modelFunding,
    unitId: UNIT.hoaBinh,
    value: 840,
    qualifier: ValueQualifier.EXACT,
    label: "Mô hình nuôi cá kèo thâm canh trong ao đất (Sở NN&PTNT phối hợp với xã Vĩnh Thịnh)",
    note: "Triển khai tại ấp Vĩnh Lạc, xã Vĩnh Thịnh, huyện Hòa Bình; có 30 hộ nghèo và 2 hộ dân làm kinh tế giỏi tham gia.",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-fish-model-households",
    indicatorId: INDICATOR.modelParticipatingHouseholds,
    groupId: GROUP.poor,
    unitId: UNIT.hoaBinh,
    value: 30,
    qualifier: ValueQualifier.EXACT,
    label: "Hộ nghèo tham gia mô hình nuôi cá kèo thâm canh trong ao đất (xã Vĩnh Thịnh)",
    note: "Ấp Vĩnh Lạc, xã Vĩnh Thịnh, huyện Hòa Bình; ngoài 30 hộ nghèo còn có 2 hộ dân làm kinh tế giỏi tham gia. Kinh phí mô hình 840 triệu đồng.",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-district-model-households",
    indicatorId: INDICATOR.modelParticipatingHouseholds,
    groupId: GROUP.poorNearPoorEscaped,
    unitId: UNIT.bacLieu,
    value: 400,
    qualifier: ValueQualifier.OVER,
    label: "Hộ nghèo, cận nghèo và hộ mới thoát nghèo tham gia các mô hình nông nghiệp do các huyện, thị xã, thành phố triển khai",
    note: "Các huyện, thị xã, thành phố phối hợp với các xã, phường, thị trấn xây dựng và triển khai; tổng kinh phí hơn 2.314 triệu đồng.",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-district-model-funding",
    indicatorId: INDICATOR.modelFunding,
    unitId: UNIT.bacLieu,
    value: 2314,
    qualifier: ValueQualifier.OVER,
    label: "Kinh phí các mô hình nông nghiệp do các huyện, thị xã, thành phố triển khai",
    note: "Cho hơn 400 hộ nghèo, cận nghèo và hộ mới thoát nghèo.",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-job-fair-participants",
    indicatorId: INDICATOR.jobFairParticipants,
    unitId: UNIT.bacLieu,
    value: 700,
    qualifier: ValueQualifier.ABOUT, // "gần 700 lao động"
    label: "Lao động tham gia Ngày hội việc làm năm 2023",
    note: "16 gian hàng của các công ty, doanh nghiệp tuyển dụng trực tiếp; “gần 700 lao động tham gia”.",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-job-sessions",
    indicatorId: INDICATOR.jobSessions,
    unitId: UNIT.bacLieu,
    value: 7,
    qualifier: ValueQualifier.EXACT,
    label: "Phiên giao dịch việc làm tại các huyện, thị xã, thành phố",
    note: "Có 1.359 lượt người tham gia.",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-job-session-participants",
    indicatorId: INDICATOR.jobEventParticipants,
    unitId: UNIT.bacLieu,
    value: 1359,
    qualifier: ValueQualifier.EXACT,
    label: "Lượt người tham gia 7 phiên giao dịch việc làm",
    note: "Phát 1.359 tờ rơi thông tin thị trường lao động; 9 lượt doanh nghiệp tham gia tuyển trực tiếp, 343 lượt doanh nghiệp ủy thác tuyển dụng.",
  },
  {
    ...bacLieuResult,
    id: "result-bac-lieu-2023-job-training-classes",
    indicatorId: INDICATOR.jobTrainingClasses,
    unitId: UNIT.bacLieu,
    value: 3,
    qualifier: ValueQualifier.EXACT,
    label: "Lớp tập huấn hướng dẫn giao dịch việc làm cho cộng tác viên các huyện, thị xã, thành phố",
    note: "“Ngoài ra, còn tổ chức 3 lớp tập huấn hướng dẫn giao dịch việc làm cho cộng tác viên các huyện, thị xã, thành phố”.",
  },
];

// ---------------------------------------------------------------------------
// Demo accounts (demo databases only; README "Demo accounts")
// ---------------------------------------------------------------------------

export type SeedDemoUser = Omit<Prisma.UserCreateManyInput, "passwordHash">;

export const demoUsers: SeedDemoUser[] = [
  { id: "user-admin", email: "admin@demo.gov.vn", name: "Quản trị viên (demo)", role: Role.ADMIN, unitId: null },
  { id: "user-soctrang", email: "soctrang@demo.gov.vn", name: "Cán bộ tỉnh Sóc Trăng (demo)", role: Role.PROVINCIAL_OFFICER, unitId: UNIT.socTrang },
  { id: "user-sonla", email: "sonla@demo.gov.vn", name: "Cán bộ tỉnh Sơn La (demo)", role: Role.PROVINCIAL_OFFICER, unitId: UNIT.sonLa },
  { id: "user-baclieu", email: "baclieu@demo.gov.vn", name: "Cán bộ tỉnh Bạc Liêu (demo)", role: Role.PROVINCIAL_OFFICER, unitId: UNIT.bacLieu },
  { id: "user-chauthanh", email: "chauthanh@demo.gov.vn", name: "Cán bộ huyện Châu Thành (demo)", role: Role.DISTRICT_STAFF, unitId: UNIT.chauThanh },
  // Today's Cần Thơ (from 1/7/2025, with the former Sóc Trăng and Hậu Giang): reads Sóc Trăng's plans, writes none of them.
  { id: "user-cantho", email: "cantho@demo.gov.vn", name: "Cán bộ thành phố Cần Thơ (demo)", role: Role.PROVINCIAL_OFFICER, unitId: UNIT.canTho },
];
