// The plan-text reader (docs/domain.md, "Reading plan text") against sentences written the way
// Vietnamese poverty-reduction plans and the news about them write their targets. Each case is
// one text and every target the reader must propose from it, in order; a field a case does not
// state is the default of `expected` below. The real source texts in ./fixtures have a test of
// their own.
import { describe, expect, it } from "vitest";
import { readPlanText } from "./read";
import type { NotUnderstoodReason, ReadTarget } from "./types";

type ExpectedKind = ReadTarget["kind"];

const COMPARED = [
  "kind",
  "indicatorCode",
  "groupCode",
  "lower",
  "upper",
  "strict",
  "approximate",
  "annual",
  "baseline",
  "periodStart",
  "periodEnd",
  "equivalentValue",
  "equivalentUnit",
  "parentIndex",
] as const;

type Compared = { kind: ExpectedKind } & Pick<ReadTarget, Exclude<(typeof COMPARED)[number], "kind">>;

/** A case states the kind and what differs from the defaults; `statementIncludes` is a loose check of the clause. */
type ExpectedTarget = Partial<Compared> & { kind: ExpectedKind; statementIncludes?: string };

interface Case {
  title: string;
  text: string;
  expect: ExpectedTarget[];
  /** The reasons of `notUnderstood`, in order; none when absent. */
  notUnderstood?: NotUnderstoodReason[];
}

function expected({ statementIncludes: _ignored, ...t }: ExpectedTarget): Compared {
  return {
    indicatorCode: null,
    groupCode: "all",
    lower: null,
    upper: null,
    strict: false,
    approximate: false,
    annual: false,
    baseline: null,
    periodStart: null,
    periodEnd: null,
    equivalentValue: null,
    equivalentUnit: null,
    parentIndex: null,
    ...t,
  };
}

function compared(t: ReadTarget): Compared {
  const out: Record<string, unknown> = {};
  for (const key of COMPARED) out[key] = t[key];
  return out as Compared;
}

const P2021_2025 = { periodStart: 2021, periodEnd: 2025 } as const;
const year = (y: number) => ({ periodStart: y, periodEnd: y });

// ---------------------------------------------------------------------------------------------
// Positive cases: one text, the targets it states.
// ---------------------------------------------------------------------------------------------

const decreaseBy: Case[] = [
  {
    title: "D01 range with en dash, year inside the sentence",
    text: "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt từ 2 – 2,5%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2, upper: 2.5, ...year(2023) }],
  },
  {
    title: "D02 single figure, no period, no final full stop",
    text: "Giảm tỷ lệ hộ nghèo 1,5% so với đầu năm",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5 }],
  },
  {
    title: "D03 'trên' is strict, ethnic minority group",
    text: "Giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", groupCode: "ethnic-minority", lower: 3, strict: true }],
  },
  {
    title: "D04 'tối thiểu' is not strict",
    text: "Phấn đấu năm 2025 giảm tỷ lệ hộ nghèo tối thiểu 2%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2, ...year(2025) }],
  },
  {
    title: "D05 'ít nhất' is not strict",
    text: "- Giảm tỷ lệ hộ nghèo ít nhất 1,2%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.2 }],
  },
  {
    title: "D06 'khoảng' is approximate",
    text: "Giảm tỷ lệ hộ nghèo khoảng 2% so với năm trước.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2, approximate: true }],
  },
  {
    title: "D07 'hơn' is strict and approximate, subject first",
    text: "Tỷ lệ hộ nghèo giảm hơn 2%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2, strict: true, approximate: true }],
  },
  {
    title: "D08 'điểm phần trăm'",
    text: "Phấn đấu năm 2024 giảm tỷ lệ hộ nghèo 1 điểm phần trăm.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1, ...year(2024) }],
  },
  {
    title: "D09 'hằng năm' range '2% - 3%', period 'giai đoạn 2021 – 2025'",
    text: "Giai đoạn 2021 – 2025, phấn đấu giảm tỷ lệ hộ nghèo hằng năm từ 2% - 3%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2, upper: 3, annual: true, ...P2021_2025 }],
  },
  {
    title: "D10 'từ 4 - 5%' for the poor districts",
    text: "Giảm tỷ lệ hộ nghèo của các huyện nghèo từ 4 - 5%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", groupCode: "poor-districts", lower: 4, upper: 5 }],
  },
  {
    title: "D11 '+' list mark, '1-1,5%/năm' is annual",
    text: "+ Tỷ lệ hộ nghèo giảm 1-1,5%/năm.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1, upper: 1.5, annual: true }],
  },
  {
    title: "D12 'từ 2 đến 2,5%' with 'trong năm 2024'",
    text: "Phấn đấu giảm tỷ lệ hộ nghèo từ 2 đến 2,5% trong năm 2024.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2, upper: 2.5, ...year(2024) }],
  },
  {
    title: "D13 '2–3 điểm phần trăm mỗi năm', ethnic minority",
    text: "Giảm tỷ lệ hộ nghèo đồng bào dân tộc thiểu số 2–3 điểm phần trăm mỗi năm.",
    expect: [
      {
        kind: "DECREASE_BY",
        indicatorCode: "poor-rate",
        groupCode: "ethnic-minority",
        lower: 2,
        upper: 3,
        annual: true,
      },
    ],
  },
  {
    title: "D14 near-poor rate, space before '%'",
    text: "Giảm tỷ lệ hộ cận nghèo 0,5 %.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "near-poor-rate", lower: 0.5 }],
  },
  {
    title: "D15 'a)' list mark, 'từ 1% đến 1,5%'",
    text: "a) Tỷ lệ hộ nghèo giảm từ 1% đến 1,5%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1, upper: 1.5 }],
  },
  {
    title: "D16 '1.' list mark, approximate range",
    text: "1. Giảm tỷ lệ hộ nghèo khoảng 1 – 1,5%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1, upper: 1.5, approximate: true }],
  },
  {
    title: "D17 after the connective 'Đồng thời,'",
    text: "Đồng thời, giảm tỷ lệ hộ cận nghèo 1%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "near-poor-rate", lower: 1 }],
  },
  {
    title: "D18 '•' list mark, '1,5 - 2%/năm'",
    text: "• Giảm tỷ lệ hộ nghèo 1,5 - 2%/năm.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5, upper: 2, annual: true }],
  },
];

const equivalents: Case[] = [
  {
    title: "E01 'tương đương … hộ', period from a heading in capitals",
    text: "KẾ HOẠCH GIẢM NGHÈO NĂM 2025\n\n- Giảm tỷ lệ hộ nghèo 1,2%, tương đương 1.850 hộ.",
    expect: [
      {
        kind: "DECREASE_BY",
        indicatorCode: "poor-rate",
        lower: 1.2,
        equivalentValue: 1850,
        equivalentUnit: "hộ",
        ...year(2025),
      },
    ],
  },
  {
    title: "E02 'tương đương' for the ethnic minority rate",
    text: "Giảm tỷ lệ hộ nghèo dân tộc thiểu số 2%, tương đương 1.050 hộ.",
    expect: [
      {
        kind: "DECREASE_BY",
        indicatorCode: "poor-rate",
        groupCode: "ethnic-minority",
        lower: 2,
        equivalentValue: 1050,
        equivalentUnit: "hộ",
      },
    ],
  },
  {
    title: "E03 'tương đương' below a thousand",
    text: "Phấn đấu giảm tỷ lệ hộ nghèo 0,8%, tương đương 650 hộ.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 0.8, equivalentValue: 650, equivalentUnit: "hộ" },
    ],
  },
];

const reachAtMost: Case[] = [
  {
    title: "M01 'xuống còn 18,66%'",
    text: "Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 18.66 }],
  },
  {
    title: "M02 'còn dưới 5%' is strict, 'đến năm 2025' ends the period",
    text: "Phấn đấu đến năm 2025 tỷ lệ hộ nghèo toàn tỉnh còn dưới 5%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 5, strict: true, periodEnd: 2025 }],
  },
  {
    title: "M03 'xuống dưới 3%' in 'năm 2025'",
    text: "Giảm tỷ lệ hộ nghèo xuống dưới 3% trong năm 2025.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 3, strict: true, ...year(2025) }],
  },
  {
    title: "M04 'duy trì … không quá 3%'",
    text: "Duy trì tỷ lệ hộ nghèo đa chiều không quá 3%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 3 }],
  },
  {
    title: "M05 'tối đa' for the near-poor rate",
    text: "Giảm tỷ lệ hộ cận nghèo xuống tối đa 4,5%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "near-poor-rate", lower: 4.5 }],
  },
  {
    title: "M06 'tỷ lệ hộ nghèo … còn 4,2%'",
    text: "+ Tỷ lệ hộ nghèo cuối năm 2024 còn 4,2%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 4.2, ...year(2024) }],
  },
  {
    title: "M07 'từ 5,2% xuống còn 3%' gives the baseline, 'giai đoạn 2021-2025'",
    text: "Phấn đấu giai đoạn 2021-2025 giảm tỷ lệ hộ nghèo từ 5,2% xuống còn 3%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 3, baseline: 5.2, ...P2021_2025 }],
  },
  {
    title: "M08 'còn dưới 10%' for the ethnic minority",
    text: "Tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm xuống còn dưới 10%.",
    expect: [
      { kind: "REACH_AT_MOST", indicatorCode: "poor-rate", groupCode: "ethnic-minority", lower: 10, strict: true },
    ],
  },
  {
    title: "M09 'đến cuối năm 2025 … xuống còn 2,5%'",
    text: "Phấn đấu đến cuối năm 2025 giảm tỷ lệ hộ nghèo xuống còn 2,5%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 2.5, periodEnd: 2025 }],
  },
  {
    title: "M10 'còn dưới 1%' at the end of a named year",
    text: "Phấn đấu tỷ lệ hộ nghèo cuối năm 2025 còn dưới 1%.",
    expect: [{ kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 1, strict: true, ...year(2025) }],
  },
];

const reachAtLeast: Case[] = [
  {
    title: "L01 'đạt từ 37%'",
    text: "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt từ 37%.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "trained-certified-rate", lower: 37 }],
  },
  {
    title: "L02 'đạt trên 40%' is strict, 'đến năm 2025'",
    text: "Phấn đấu đến năm 2025 tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt trên 40%.",
    expect: [
      { kind: "REACH_AT_LEAST", indicatorCode: "trained-certified-rate", lower: 40, strict: true, periodEnd: 2025 },
    ],
  },
  {
    title: "L03 'nâng … lên 45%'",
    text: "Nâng tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ lên 45% vào năm 2025.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "trained-certified-rate", lower: 45, ...year(2025) }],
  },
  {
    title: "L04 'tăng … lên 42%'",
    text: "Tăng tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ lên 42%.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "trained-certified-rate", lower: 42 }],
  },
  {
    title: "L05 'nâng … từ 28% lên 35%' gives the baseline",
    text: "Nâng tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ từ 28% lên 35%.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "trained-certified-rate", lower: 35, baseline: 28 }],
  },
  {
    title: "L06 'đạt ít nhất 40%' is not strict",
    text: "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt ít nhất 40% vào cuối năm 2025.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "trained-certified-rate", lower: 40, ...year(2025) }],
  },
  {
    title: "L07 '100% hộ nghèo được hỗ trợ thẻ bảo hiểm y tế'",
    text: "100% hộ nghèo được hỗ trợ thẻ bảo hiểm y tế.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "health-insurance-poor", groupCode: "poor", lower: 100 }],
  },
  {
    title: "L08 'Hỗ trợ thẻ bảo hiểm y tế cho 100% …' for poor and near-poor",
    text: "- Hỗ trợ thẻ bảo hiểm y tế cho 100% hộ nghèo và cận nghèo.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "health-insurance-poor", groupCode: "poor-near-poor", lower: 100 }],
  },
  {
    title: "L09 'BHYT', 'Đảm bảo 100% …'",
    text: "- Đảm bảo 100% hộ nghèo, hộ cận nghèo được cấp thẻ BHYT.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "health-insurance-poor", groupCode: "poor-near-poor", lower: 100 }],
  },
  {
    title: "L10 'duy trì 100% …' with bảo hiểm y tế",
    text: "+ Duy trì 100% hộ nghèo có thẻ bảo hiểm y tế.",
    expect: [{ kind: "REACH_AT_LEAST", indicatorCode: "health-insurance-poor", groupCode: "poor", lower: 100 }],
  },
  {
    title: "L11 sustainable jobs: 'ít nhất một thành viên' is no figure",
    text: "Phấn đấu 100% hộ nghèo, hộ cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững.",
    expect: [
      { kind: "REACH_AT_LEAST", indicatorCode: "sustainable-job-households", groupCode: "poor-near-poor", lower: 100 },
    ],
  },
];

const counts: Case[] = [
  {
    title: "C01 'Giải quyết việc làm cho 2.400 lao động'",
    text: "Giải quyết việc làm cho 2.400 lao động.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 2400 }],
  },
  {
    title: "C02 'tạo việc làm mới cho khoảng 3.000' is approximate",
    text: "Tạo việc làm mới cho khoảng 3.000 lao động.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 3000, approximate: true }],
  },
  {
    title: "C03 'đào tạo nghề cho trên 500 lao động nông thôn' is strict",
    text: "Đào tạo nghề cho trên 500 lao động nông thôn.",
    expect: [{ kind: "COUNT", indicatorCode: "vocational-training", groupCode: "rural-workers", lower: 500, strict: true }],
  },
  {
    title: "C04 'hơn 1.000 hộ thoát nghèo' is strict and approximate",
    text: "Phấn đấu năm 2025 có hơn 1.000 hộ thoát nghèo.",
    expect: [
      { kind: "COUNT", indicatorCode: "escaped-poverty", lower: 1000, strict: true, approximate: true, ...year(2025) },
    ],
  },
  {
    title: "C05 'kết nối việc làm … gần 700' is approximate, not strict",
    text: "Kết nối việc làm cho gần 700 lao động tại các phiên giao dịch việc làm.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 700, approximate: true }],
  },
  {
    title: "C06 'giúp 500 hộ thoát nghèo'",
    text: "Phấn đấu giúp 500 hộ thoát nghèo trong năm 2024.",
    expect: [{ kind: "COUNT", indicatorCode: "escaped-poverty", lower: 500, ...year(2024) }],
  },
  {
    title: "C07 'Đưa … đi làm việc ở nước ngoài theo hợp đồng'",
    text: "Đưa 150 lao động đi làm việc ở nước ngoài theo hợp đồng.",
    expect: [{ kind: "COUNT", indicatorCode: "labour-export", lower: 150 }],
  },
  {
    title: "C08 'Xuất khẩu lao động 60 người'",
    text: "Xuất khẩu lao động 60 người.",
    expect: [{ kind: "COUNT", indicatorCode: "labour-export", lower: 60 }],
  },
  {
    title: "C09 'Hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo'",
    text: "Hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo.",
    expect: [{ kind: "COUNT", indicatorCode: "vocational-training", groupCode: "poor-districts", lower: 4000 }],
  },
  {
    title: "C10 labour export from the poor districts",
    text: "Hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài theo hợp đồng.",
    expect: [{ kind: "COUNT", indicatorCode: "labour-export", groupCode: "poor-districts", lower: 40 }],
  },
  {
    title: "C11 'mô hình sinh kế' with a count",
    text: "Xây dựng 25 mô hình sinh kế cho hộ nghèo, hộ cận nghèo.",
    expect: [{ kind: "COUNT", indicatorCode: "poverty-models", groupCode: "poor-near-poor", lower: 25 }],
  },
  {
    title: "C12 '•' 'mô hình giảm nghèo' with a count",
    text: "• Xây dựng 15 mô hình giảm nghèo.",
    expect: [{ kind: "COUNT", indicatorCode: "poverty-models", lower: 15 }],
  },
  {
    title: "C13 'mỗi năm' on a count is annual",
    text: "Giải quyết việc làm cho 1.200 lao động mỗi năm.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 1200, annual: true }],
  },
  {
    title: "C14 'Hằng năm phấn đấu đào tạo nghề …' is annual",
    text: "- Hằng năm phấn đấu đào tạo nghề cho 800 lao động nông thôn.",
    expect: [{ kind: "COUNT", indicatorCode: "vocational-training", groupCode: "rural-workers", lower: 800, annual: true }],
  },
  {
    title: "C15 '/năm' on a count is annual",
    text: "Giải quyết việc làm cho 2.400 lao động/năm.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 2400, annual: true }],
  },
  {
    title: "C16 'người thuộc hộ nghèo' is the poor group",
    text: "Hỗ trợ tạo việc làm cho 600 người thuộc hộ nghèo.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", groupCode: "poor", lower: 600 }],
  },
  {
    title: "C17 '1.000.000' and a period",
    text: "Hỗ trợ kết nối việc làm thành công cho 1.000.000 lao động giai đoạn 2021 – 2025.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 1000000, ...P2021_2025 }],
  },
  {
    title: "C18 count range 'từ 2.000 đến 2.500'",
    text: "Phấn đấu giải quyết việc làm mới cho từ 2.000 đến 2.500 lao động.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 2000, upper: 2500 }],
  },
  {
    title: "C19 count range with en dash",
    text: "Tạo việc làm cho 1.500 – 2.000 lao động.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 1500, upper: 2000 }],
  },
  {
    title: "C20 'việc làm mới'",
    text: "Phấn đấu có 5.000 lao động có việc làm mới.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 5000 }],
  },
  {
    title: "C21 'đào tạo nghề cho lao động nông thôn … cho 350 lao động'",
    text: "Đào tạo nghề cho lao động nông thôn (kể cả tư nhân) cho 350 lao động.",
    expect: [{ kind: "COUNT", indicatorCode: "vocational-training", groupCode: "rural-workers", lower: 350 }],
  },
  {
    title: "C22 'kết nối việc làm … thuộc hộ nghèo'",
    text: "Kết nối việc làm thành công cho 1.200 lao động thuộc hộ nghèo.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", groupCode: "poor", lower: 1200 }],
  },
  {
    title: "C23 vocational training for ethnic minority people",
    text: "Hỗ trợ đào tạo nghề cho 300 người dân tộc thiểu số.",
    expect: [{ kind: "COUNT", indicatorCode: "vocational-training", groupCode: "ethnic-minority", lower: 300 }],
  },
  {
    title: "C24 'Đưa trên 200 lao động …' is strict",
    text: "Đưa trên 200 lao động đi làm việc ở nước ngoài theo hợp đồng.",
    expect: [{ kind: "COUNT", indicatorCode: "labour-export", lower: 200, strict: true }],
  },
  {
    title: "C25 'mỗi năm có khoảng 1.000 hộ thoát nghèo'",
    text: "Phấn đấu mỗi năm có khoảng 1.000 hộ thoát nghèo.",
    expect: [{ kind: "COUNT", indicatorCode: "escaped-poverty", lower: 1000, approximate: true, annual: true }],
  },
  {
    title: "C26 a count the reader has no indicator for",
    text: "Hỗ trợ xây dựng nhà ở cho 350 hộ nghèo.",
    expect: [{ kind: "COUNT", groupCode: "poor", lower: 350 }],
  },
];

const parts: Case[] = [
  {
    title: "T01 'trong đó' labour export under jobs",
    text: "Giải quyết việc làm mới cho 3.200 lao động, trong đó đưa 45 lao động đi làm việc ở nước ngoài theo hợp đồng.",
    expect: [
      { kind: "COUNT", indicatorCode: "jobs", lower: 3200 },
      { kind: "COUNT", indicatorCode: "labour-export", lower: 45, parentIndex: 0 },
    ],
  },
  {
    title: "T02 'trong đó có trên 50%' share of poor, near-poor and newly escaped",
    text:
      "Hỗ trợ kết nối việc làm thành công cho khoảng 12.000 lao động, trong đó có trên 30% người lao động " +
      "thuộc hộ nghèo, cận nghèo và hộ mới thoát nghèo.",
    expect: [
      { kind: "COUNT", indicatorCode: "jobs", lower: 12000, approximate: true },
      {
        kind: "SHARE_OF_PARENT",
        indicatorCode: "jobs",
        groupCode: "poor-near-poor-escaped",
        lower: 30,
        strict: true,
        parentIndex: 0,
      },
    ],
  },
  {
    title: "T03 share 'ít nhất 20% … thuộc hộ nghèo' of vocational training",
    text: "Đào tạo nghề cho 1.500 lao động, trong đó ít nhất 20% là lao động thuộc hộ nghèo.",
    expect: [
      { kind: "COUNT", indicatorCode: "vocational-training", lower: 1500 },
      { kind: "SHARE_OF_PARENT", indicatorCode: "vocational-training", groupCode: "poor", lower: 20, parentIndex: 0 },
    ],
  },
  {
    title: "T04 'trong đó' with rates, ethnic minority child",
    text: "Giảm tỷ lệ hộ nghèo 2%, trong đó hộ nghèo dân tộc thiểu số giảm 3%.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2 },
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", groupCode: "ethnic-minority", lower: 3, parentIndex: 0 },
    ],
  },
  {
    title: "T05 'trong đó' with ranges, Khmer child, year inside the sentence",
    text:
      "Phấn đấu giảm tỷ lệ hộ nghèo năm 2024 đạt từ 1,5 – 2%, trong đó giảm tỷ lệ hộ nghèo người dân tộc Khmer " +
      "đạt từ 2,5 – 3 %.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5, upper: 2, ...year(2024) },
      {
        kind: "DECREASE_BY",
        indicatorCode: "poor-rate",
        groupCode: "khmer",
        lower: 2.5,
        upper: 3,
        parentIndex: 0,
        ...year(2024),
      },
    ],
  },
  {
    title: "T06 'trong đó' with counts of households",
    text: "Phấn đấu có 2.500 hộ thoát nghèo trong năm 2024, trong đó có 800 hộ dân tộc thiểu số.",
    expect: [
      { kind: "COUNT", indicatorCode: "escaped-poverty", lower: 2500, ...year(2024) },
      {
        kind: "COUNT",
        indicatorCode: "escaped-poverty",
        groupCode: "ethnic-minority",
        lower: 800,
        parentIndex: 0,
        ...year(2024),
      },
    ],
  },
  {
    title: "T07 'trong đó' then another clause after ';' (no parent for it)",
    text: "Giải quyết việc làm cho 2.000 lao động, trong đó xuất khẩu lao động 20 người; đào tạo nghề cho 600 lao động.",
    expect: [
      { kind: "COUNT", indicatorCode: "jobs", lower: 2000 },
      { kind: "COUNT", indicatorCode: "labour-export", lower: 20, parentIndex: 0 },
      { kind: "COUNT", indicatorCode: "vocational-training", lower: 600, statementIncludes: "đào tạo nghề cho 600" },
    ],
  },
  {
    title: "T08 two sentences with 'trong đó': parent indices count across sentences",
    text:
      "Giảm tỷ lệ hộ nghèo 1,5%, trong đó tỷ lệ hộ nghèo Khmer giảm 2%. " +
      "Giải quyết việc làm cho 1.600 lao động, trong đó xuất khẩu lao động 15 người.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5 },
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", groupCode: "khmer", lower: 2, parentIndex: 0 },
      { kind: "COUNT", indicatorCode: "jobs", lower: 1600 },
      { kind: "COUNT", indicatorCode: "labour-export", lower: 15, parentIndex: 2 },
    ],
  },
];

const averages: Case[] = [
  {
    title: "A01 'giảm bình quân 1–1,5%/năm'",
    text: "Tỷ lệ hộ nghèo giảm bình quân 1–1,5%/năm.",
    expect: [{ kind: "AVERAGE_DECREASE", indicatorCode: "poor-rate", lower: 1, upper: 1.5 }],
  },
  {
    title: "A02 'bình quân mỗi năm giảm 1,5%'",
    text: "Phấn đấu tỷ lệ hộ nghèo bình quân mỗi năm giảm 1,5% giai đoạn 2021 – 2025.",
    expect: [{ kind: "AVERAGE_DECREASE", indicatorCode: "poor-rate", lower: 1.5, ...P2021_2025 }],
  },
  {
    title: "A03 'giảm bình quân hàng năm trên 3%' for the ethnic minority",
    text: "Tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm bình quân hàng năm trên 3%.",
    expect: [
      { kind: "AVERAGE_DECREASE", indicatorCode: "poor-rate", groupCode: "ethnic-minority", lower: 3, strict: true },
    ],
  },
  {
    title: "A04 'từ năm 2021 đến năm 2025 … bình quân 1,5%/năm'",
    text: "Từ năm 2021 đến năm 2025, phấn đấu giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.",
    expect: [{ kind: "AVERAGE_DECREASE", indicatorCode: "poor-rate", lower: 1.5, ...P2021_2025 }],
  },
  {
    title: "A05 'giảm bình quân 4 – 5%/năm' in the poor districts",
    text: "Tỷ lệ hộ nghèo các huyện nghèo giảm bình quân 4 – 5%/năm.",
    expect: [{ kind: "AVERAGE_DECREASE", indicatorCode: "poor-rate", groupCode: "poor-districts", lower: 4, upper: 5 }],
  },
];

const factorsAndUnits: Case[] = [
  {
    title: "F01 'tăng 1,5 lần so với cuối năm 2020': the year is a reference",
    text: "Thu nhập bình quân của hộ nghèo giai đoạn 2021 – 2025 tăng 1,5 lần so với cuối năm 2020.",
    expect: [{ kind: "INCREASE_FACTOR", indicatorCode: "poor-household-income", lower: 1.5, ...P2021_2025 }],
  },
  {
    title: "F02 'tăng gấp 2 lần', income per head of the poor",
    text: "Phấn đấu thu nhập bình quân đầu người của người nghèo tăng gấp 2 lần.",
    expect: [{ kind: "INCREASE_FACTOR", indicatorCode: "poor-household-income", lower: 2 }],
  },
  {
    title: "F03 income of ethnic minority poor households",
    text: "Thu nhập bình quân của hộ nghèo dân tộc thiểu số tăng 1,2 lần.",
    expect: [
      { kind: "INCREASE_FACTOR", indicatorCode: "poor-household-income", groupCode: "ethnic-minority", lower: 1.2 },
    ],
  },
  {
    title: "U01 '30% huyện nghèo thoát khỏi tình trạng nghèo'",
    text: "Phấn đấu giai đoạn 2021 – 2025 có 30% huyện nghèo thoát khỏi tình trạng nghèo.",
    expect: [
      { kind: "SHARE_OF_UNITS", indicatorCode: "poor-units-escaped", groupCode: "poor-districts", lower: 30, ...P2021_2025 },
    ],
  },
  {
    title: "U02 'trên 30% xã đặc biệt khó khăn' is strict",
    text:
      "Phấn đấu có trên 30% xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo thoát khỏi tình trạng " +
      "đặc biệt khó khăn.",
    expect: [{ kind: "SHARE_OF_UNITS", indicatorCode: "poor-units-escaped", lower: 30, strict: true }],
  },
  {
    title: "U03 '- 50% xã đặc biệt khó khăn …' without 'phấn đấu'",
    text: "- 50% xã đặc biệt khó khăn thoát khỏi tình trạng đặc biệt khó khăn.",
    expect: [{ kind: "SHARE_OF_UNITS", indicatorCode: "poor-units-escaped", lower: 50 }],
  },
];

const severalAndBlocks: Case[] = [
  {
    title: "S01 'Mục tiêu cụ thể năm 2024:' three rate targets separated by ';'",
    text:
      "Mục tiêu cụ thể năm 2024: giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 15,2%; giảm tỷ lệ hộ nghèo dân tộc " +
      "thiểu số trên 3,5%; giảm tỷ lệ hộ nghèo của các huyện nghèo từ 3 - 4%.",
    expect: [
      { kind: "REACH_AT_MOST", indicatorCode: "poor-rate", lower: 15.2, ...year(2024) },
      {
        kind: "DECREASE_BY",
        indicatorCode: "poor-rate",
        groupCode: "ethnic-minority",
        lower: 3.5,
        strict: true,
        ...year(2024),
      },
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", groupCode: "poor-districts", lower: 3, upper: 4, ...year(2024) },
    ],
  },
  {
    title: "S02 three targets in one sentence without a 'Mục tiêu' block",
    text:
      "Năm 2025, phấn đấu giảm tỷ lệ hộ nghèo 1,5%; giải quyết việc làm cho 2.000 lao động; đào tạo nghề cho 700 " +
      "lao động nông thôn.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5, ...year(2025) },
      {
        kind: "COUNT",
        indicatorCode: "jobs",
        lower: 2000,
        ...year(2025),
        statementIncludes: "giải quyết việc làm cho 2.000 lao động",
      },
      { kind: "COUNT", indicatorCode: "vocational-training", groupCode: "rural-workers", lower: 700, ...year(2025) },
    ],
  },
  {
    title: "S03 rate, near-poor rate and insurance in one sentence",
    text: "Giảm tỷ lệ hộ nghèo 1%; tỷ lệ hộ cận nghèo giảm 0,5%; 100% hộ nghèo được hỗ trợ thẻ bảo hiểm y tế.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1 },
      { kind: "DECREASE_BY", indicatorCode: "near-poor-rate", lower: 0.5 },
      { kind: "REACH_AT_LEAST", indicatorCode: "health-insurance-poor", groupCode: "poor", lower: 100 },
    ],
  },
  {
    title: "Q01 'Mục tiêu cụ thể:' two qualitative clauses in a row make one target",
    text:
      "Mục tiêu cụ thể: Giảm tỷ lệ hộ nghèo 1,5%; hỗ trợ phát triển các mô hình giảm nghèo trong lĩnh vực phát " +
      "triển sản xuất; nâng cao năng lực cho cán bộ làm công tác giảm nghèo các cấp; hỗ trợ kết nối việc làm " +
      "thành công cho khoảng 5.000 lao động.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5 },
      // As in Sơn La's plan (199/KH-UBND), a qualitative target about poverty-reduction models is filed under that indicator.
      { kind: "QUALITATIVE", indicatorCode: "poverty-models", statementIncludes: "nâng cao năng lực cho cán bộ" },
      { kind: "COUNT", indicatorCode: "jobs", lower: 5000, approximate: true },
    ],
  },
  {
    title: "Q02 '2. Chỉ tiêu cụ thể' heading block, ended by the 'Nhiệm vụ' heading",
    text: [
      "2. Chỉ tiêu cụ thể",
      "- Giảm tỷ lệ hộ nghèo từ 1,5 – 2%.",
      "- Hỗ trợ hộ nghèo, hộ cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững.",
      "- Giải quyết việc làm cho 1.500 lao động.",
      "3. Nhiệm vụ và giải pháp",
      "- Tăng cường công tác tuyên truyền về giảm nghèo bền vững.",
      "- Hỗ trợ hộ nghèo tiếp cận vốn tín dụng ưu đãi.",
    ].join("\n"),
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5, upper: 2 },
      { kind: "QUALITATIVE", indicatorCode: "sustainable-job-households", groupCode: "poor-near-poor" },
      { kind: "COUNT", indicatorCode: "jobs", lower: 1500 },
    ],
  },
  {
    title: "Q03 an inline 'Mục tiêu cụ thể:' ends with its paragraph",
    text:
      "Mục tiêu cụ thể: nâng cao chất lượng cuộc sống của hộ nghèo, hộ cận nghèo; giảm tỷ lệ hộ nghèo 2%.\n\n" +
      "Tăng cường công tác kiểm tra, giám sát việc thực hiện chính sách giảm nghèo.",
    expect: [
      { kind: "QUALITATIVE", groupCode: "poor-near-poor" },
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2 },
    ],
  },
  {
    title: "Q04 'Mục tiêu thi đua' heading, 'cụ thể:' lead and topic headings are no targets",
    text: [
      "KẾ HOẠCH THỰC HIỆN GIẢM NGHÈO NĂM 2025",
      "Mục tiêu thi đua",
      "Phấn đấu thực hiện tốt Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025, cụ thể:",
      "• Về lĩnh vực giảm nghèo",
      "Phấn đấu giảm tỷ lệ hộ nghèo đạt từ 1,5 – 2%.",
      "• Về lĩnh vực giải quyết việc làm",
      "Giải quyết việc làm cho 1.900 lao động, trong đó xuất khẩu lao động 30 người.",
      "Nhiệm vụ thi đua",
      "Tổ chức tuyên truyền về chương trình, mục tiêu giảm nghèo của huyện.",
    ].join("\n"),
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5, upper: 2, ...year(2025) },
      { kind: "COUNT", indicatorCode: "jobs", lower: 1900, ...year(2025) },
      { kind: "COUNT", indicatorCode: "labour-export", lower: 30, parentIndex: 1, ...year(2025) },
    ],
  },
  {
    title: "Q05 qualitative target for the ethnic minority",
    text:
      "Mục tiêu cụ thể: Giảm tỷ lệ hộ nghèo 1%; hỗ trợ đồng bào dân tộc thiểu số phát triển sản xuất, đa dạng " +
      "hóa sinh kế.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1 },
      { kind: "QUALITATIVE", groupCode: "ethnic-minority" },
    ],
  },
  {
    title: "Q06 qualitative clauses in separate sentences stay separate",
    text:
      "Mục tiêu cụ thể: Bảo đảm hộ nghèo được tiếp cận đầy đủ các dịch vụ xã hội cơ bản. Hỗ trợ hộ nghèo, hộ " +
      "cận nghèo tiếp cận vốn tín dụng ưu đãi. Giảm tỷ lệ hộ nghèo 1,5%.",
    expect: [
      { kind: "QUALITATIVE", groupCode: "poor", statementIncludes: "dịch vụ xã hội cơ bản" },
      { kind: "QUALITATIVE", groupCode: "poor-near-poor" },
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5 },
    ],
  },
  {
    title: "Q07 a sentence beginning 'Chỉ tiêu năm 2024:' with a qualitative clause",
    text: "Chỉ tiêu năm 2024: giảm tỷ lệ hộ nghèo 1,2%; nâng cao hiệu quả công tác giảm nghèo.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.2, ...year(2024) },
      { kind: "QUALITATIVE", ...year(2024) },
    ],
  },
];

const periods: Case[] = [
  {
    title: "P01 the period of a title in capitals carries to the lines after it",
    text: "KẾ HOẠCH GIẢM NGHÈO BỀN VỮNG NĂM 2024\n\nGiảm tỷ lệ hộ nghèo 1,2%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.2, ...year(2024) }],
  },
  {
    title: "P02 a date 'ngày 12/4/2024' is never a period",
    text: "Ngày 12/4/2024, UBND huyện ban hành kế hoạch giảm nghèo.\nGiảm tỷ lệ hộ nghèo 1,2%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.2 }],
  },
  {
    title: "P03 a date 'ngày 21 tháng 3 năm 2023' is never a period",
    text:
      "Ngày 21 tháng 3 năm 2023, Ủy ban nhân dân huyện ban hành Kế hoạch số 58/KH-UBND.\n" +
      "Giải quyết việc làm cho 1.000 lao động.",
    expect: [{ kind: "COUNT", indicatorCode: "jobs", lower: 1000 }],
  },
  {
    title: "P04 the latest period named before wins over an earlier one",
    text:
      "KẾ HOẠCH GIẢM NGHÈO GIAI ĐOẠN 2021 – 2025\nI. MỤC TIÊU NĂM 2024\n" +
      "Giảm tỷ lệ hộ nghèo 1%; giải quyết việc làm cho 1.500 lao động.",
    expect: [
      { kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1, ...year(2024) },
      { kind: "COUNT", indicatorCode: "jobs", lower: 1500, ...year(2024) },
    ],
  },
  {
    title: "P05 the sentence's own year wins over the title's period",
    text: "KẾ HOẠCH GIẢM NGHÈO GIAI ĐOẠN 2021 – 2025\n\nNăm 2022 phấn đấu giảm tỷ lệ hộ nghèo 2%.",
    expect: [{ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 2, ...year(2022) }],
  },
  {
    title: "P06 a sentence naming 'năm 2024' gives the period of the next one",
    text:
      "Với mục tiêu giảm nghèo bền vững và chống tái nghèo, năm 2024, tỉnh sẽ tích cực thi đua thực hiện " +
      "Chương trình.\n- Phấn đấu giảm tỷ lệ hộ nghèo 1%, tương đương 2.273 hộ.",
    expect: [
      {
        kind: "DECREASE_BY",
        indicatorCode: "poor-rate",
        lower: 1,
        equivalentValue: 2273,
        equivalentUnit: "hộ",
        ...year(2024),
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Negative cases: no target; notUnderstood only where a target-like clause has an unreadable figure.
// ---------------------------------------------------------------------------------------------

const negatives: Case[] = [
  {
    title: "N01 a past result with 'đã'",
    text: "Năm 2023 đã giải quyết việc làm cho 2.000 lao động.",
    expect: [],
  },
  {
    title: "N02 a past rate with 'đã'",
    text: "Tỷ lệ hộ nghèo đã giảm từ 5,2% xuống còn 3,1%.",
    expect: [],
  },
  {
    title: "N03 news numbers about models already built",
    text: "Năm 2023, Bạc Liêu đã triển khai tổng số hơn 80 mô hình sinh kế cho trên 1.000 lượt hộ tham gia.",
    expect: [],
  },
  {
    title: "N04 news numbers about a job fair",
    text:
      "Qua việc tổ chức Ngày hội việc làm năm 2023, có 16 gian hàng của các công ty, doanh nghiệp tuyển dụng " +
      "trực tiếp, với gần 700 lao động tham gia.",
    expect: [],
  },
  {
    title: "N05 a model's budget and participants",
    text:
      "Tổng kinh phí thực hiện mô hình là 840 triệu đồng, có 30 hộ nghèo và 2 hộ dân làm kinh tế giỏi tham gia.",
    expect: [],
  },
  {
    title: "N06 a visitor counter",
    text: "Lượt xem: 442",
    expect: [],
  },
  {
    title: "N07 an access statistics block",
    text: "Thống kê truy cập\n  • Đang online: 374\n  • Hôm nay: 37422\n  • Trong tuần: 307,211\n  • Tất cả: 16,833,380",
    expect: [],
  },
  {
    title: "N08 a heading in capitals with a figure",
    text: "PHẤN ĐẤU NĂM 2024 GIẢM 2.273 HỘ NGHÈO",
    expect: [],
  },
  {
    title: "N09 document numbers and dates",
    text:
      "Chủ tịch UBND tỉnh vừa ban hành Công văn số 1845/UBND-VX ngày 27/9/2018 về việc triển khai thực hiện " +
      "Nghị quyết số 11/NQ-HĐND ngày 10/7/2018.",
    expect: [],
  },
  {
    title: "N10 years are periods, never amounts",
    text: "Phấn đấu hoàn thành các chỉ tiêu giảm nghèo giai đoạn 2021 – 2025.",
    expect: [],
  },
  {
    title: "N11 a target verb without a figure outside a 'Mục tiêu' block",
    text: "Hỗ trợ hộ nghèo, cận nghèo tiếp cận vốn vay ưu đãi.",
    expect: [],
  },
  {
    title: "N12 a telephone line",
    text: "Điện Thoại: (0299) 3 834 570 - (0299) 3 834 566. Fax: (0299) 3 834 670.",
    expect: [],
  },
  {
    title: "N13 '1.5%' is a malformed number",
    text: "Giảm tỷ lệ hộ nghèo 1.5% so với đầu năm.",
    expect: [],
    notUnderstood: ["number_unclear"],
  },
  {
    title: "N14 '2.40%' is a malformed number",
    text: "Phấn đấu tỷ lệ hộ nghèo còn 2.40%.",
    expect: [],
    notUnderstood: ["number_unclear"],
  },
  {
    title: "N15 '2.5000' groups four digits",
    text: "- Đào tạo nghề cho 2.5000 lao động nông thôn.",
    expect: [],
    notUnderstood: ["number_unclear"],
  },
  {
    title: "N16 a figure with no wording for what happens to it",
    text: "Phấn đấu tỷ lệ hộ nghèo của huyện 5%.",
    expect: [],
    notUnderstood: ["kind_unclear"],
  },
];

const positives = [
  ...decreaseBy,
  ...equivalents,
  ...reachAtMost,
  ...reachAtLeast,
  ...counts,
  ...parts,
  ...averages,
  ...factorsAndUnits,
  ...severalAndBlocks,
  ...periods,
];

function check(c: Case) {
  const reading = readPlanText(c.text);
  expect(reading.targets.map(compared)).toEqual(c.expect.map(expected));
  c.expect.forEach((e, i) => {
    if (e.statementIncludes !== undefined) expect(reading.targets[i]?.statement).toContain(e.statementIncludes);
  });
  expect(reading.notUnderstood.map((n) => n.reason)).toEqual(c.notUnderstood ?? []);
}

describe("readPlanText: sentences that state targets", () => {
  it("has at least 60 cases, titled uniquely", () => {
    expect(positives.length).toBeGreaterThanOrEqual(60);
    const titles = [...positives, ...negatives].map((c) => c.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(positives.map((c) => [c.title, c] as const))("%s", (_title, c) => check(c));
});

describe("readPlanText: text that states no target", () => {
  it("has at least 12 cases", () => {
    expect(negatives.length).toBeGreaterThanOrEqual(12);
  });

  it.each(negatives.map((c) => [c.title, c] as const))("%s", (_title, c) => check(c));
});

describe("readPlanText: the indicator catalogue", () => {
  it("maps a phrase onto a code only when the catalogue has that code", () => {
    const text = "Giải quyết việc làm cho 2.400 lao động; giảm tỷ lệ hộ nghèo 1,5%.";
    const reading = readPlanText(text, { indicators: [{ code: "poor-rate", name: "Tỷ lệ hộ nghèo" }] });
    expect(reading.targets.map(compared)).toEqual([
      expected({ kind: "COUNT", lower: 2400 }),
      expected({ kind: "DECREASE_BY", indicatorCode: "poor-rate", lower: 1.5 }),
    ]);
  });
});
