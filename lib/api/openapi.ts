import { INDICATOR_COLUMNS, PLAN_COLUMNS, PLAN_STATUS_COLUMNS, STATUS_COLUMNS } from "../data/dashboard-columns";
import { TARGET_KINDS } from "../domain/targets";
import { MAX_PLAN_TEXT_BYTES } from "../validation/plan-text";
// OpenAPI 3.1 description of the open-data API (docs/api.md). Keep in step with app/api/v1.
/** A paginated answer's counts, and the relative addresses of its pages (lib/api/http.ts pageLinks). */
const PAGE_META = { type: "object", properties: { total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" }, pageCount: { type: "integer" } } };
const PAGE_LINKS = {
  type: "object",
  properties: {
    self: { type: "string" },
    first: { type: "string" },
    last: { type: "string" },
    prev: { type: ["string", "null"] },
    next: { type: ["string", "null"] },
  },
};

const unit = {
  type: "object",
  required: ["code", "name", "level"],
  properties: {
    code: { type: "string", description: "Official (GSO) unit code", examples: ["94"] },
    name: { type: "string", examples: ["Tỉnh Sóc Trăng"] },
    level: { type: "string", enum: ["nation", "province", "district", "commune"] },
  },
};

/** A unit named in another unit's record. */
const unitLink = {
  type: ["object", "null"],
  required: ["key", "code", "name", "level"],
  properties: {
    key: { type: "string", examples: ["92"] },
    code: { type: "string" },
    name: { type: "string" },
    level: { type: "string", enum: ["nation", "province", "district", "commune"] },
  },
};

const unitKeyDescription =
  "A unit's key: a code names the unit of today; an ended unit whose code a later unit reuses is `<code>-2025` " +
  "(\"92\" is today's Thành phố Cần Thơ, \"92-2025\" the Cần Thơ before the 1 July 2025 reform).";

/** An administrative unit of the registry (GET /api/v1/units, /api/v1/units/{key}). */
const unitRecord = {
  type: "object",
  required: ["key", "code", "name", "nameEn", "level", "parent", "province", "successor", "validFrom", "validTo"],
  properties: {
    key: { type: "string", description: unitKeyDescription, examples: ["92", "92-2025", "00004"] },
    code: { type: "string", description: "Official (GSO) code; reused across the 2025 reform, so not unique", examples: ["92"] },
    name: { type: "string", examples: ["Thành phố Cần Thơ"] },
    nameEn: { type: ["string", "null"], examples: ["Can Tho City"] },
    level: { type: "string", enum: ["nation", "province", "district", "commune"] },
    parent: { ...unitLink, description: "The unit directly above (null for the nation)" },
    province: { ...unitLink, description: "The province the unit lies in (null for a province, the nation, or a unit directly under the nation)" },
    successor: { ...unitLink, description: "The unit it went into wholly at the reform (null when it continues or went into several; see successors)" },
    validFrom: { type: ["string", "null"], format: "date", description: "First day (null: before the registry's records)" },
    validTo: { type: ["string", "null"], format: "date", description: "Last day (null: still in existence), e.g. 2025-06-30" },
  },
};

const succession = {
  type: "object",
  required: ["key", "code", "name", "level", "share", "effectiveOn"],
  properties: {
    key: { type: "string" },
    code: { type: "string" },
    name: { type: "string" },
    level: { type: "string", enum: ["nation", "province", "district", "commune"] },
    share: { type: "string", enum: ["full", "partial"], description: "full: the whole old unit went into the new one; partial: part of it (it went into several)" },
    effectiveOn: { type: "string", format: "date", description: "The day the new unit came into being (2025-07-01)" },
  },
};

const unitDetail = {
  allOf: [
    { $ref: "#/components/schemas/Unit" },
    {
      type: "object",
      required: ["children", "predecessors", "successors"],
      properties: {
        children: { type: "integer", description: "How many units lie directly below it" },
        predecessors: { type: "array", description: "The units that went into this one", items: succession },
        successors: { type: "array", description: "The units this one went into", items: succession },
      },
    },
  ],
};

const group = {
  type: "object",
  required: ["code", "name", "nameEn"],
  description: "The population group a target or figure counts (\"all\" = the whole unit). A group's figures are never shown as another's.",
  properties: {
    code: { type: "string", examples: ["all", "khmer", "ethnic-minority", "poor-districts"] },
    name: { type: "string", examples: ["Hộ dân tộc Khmer"] },
    nameEn: { type: "string", examples: ["Khmer households"] },
  },
};

const progress = {
  type: "object",
  required: ["targetId", "year", "actual", "achieved", "percent", "status"],
  properties: {
    targetId: { type: "string" },
    year: { type: ["integer", "null"], description: "null for the whole period" },
    actual: { type: ["number", "null"], description: "Latest value (rates) or sum of yearly results (counts)" },
    achieved: { type: ["number", "null"], description: "Amount achieved toward the target (docs/domain.md)" },
    percent: {
      type: ["number", "null"],
      description:
        "achieved / required × 100, one decimal; for increase_factor, the share of the required increase reached: (actual − baseline) / (baseline × (factor − 1)) × 100",
    },
    status: { type: "string", enum: ["no_data", "on_track", "at_risk", "off_track", "met", "exceeded", "missed"] },
    metYears: { type: "integer", description: "Annual targets, whole period only: k, the years met or exceeded (\"met in k of n years, m without data\")" },
    dueYears: {
      type: "integer",
      description: "Annual targets, whole period only: n, the years due as of asOf: years of the period that have ended, plus the current year once it is met or exceeded (years still to come are never counted)",
    },
    noDataYears: { type: "integer", description: "Annual targets, whole period only: m, the years of the period that have ended without data" },
    totalYears: { type: "integer", description: "Annual targets, whole period only: years in the period" },
  },
};

const plan = {
  type: "object",
  required: ["id", "code", "type", "title", "issuedOn", "issuer", "unit", "periodStart", "periodEnd", "sourceUrl"],
  properties: {
    id: { type: "string" },
    code: { type: ["string", "null"], description: "Number and symbol exactly as issued; null when the source states none", examples: ["58/KH-UBND"] },
    type: { type: "string", enum: ["ke_hoach", "cong_van", "nghi_quyet", "quyet_dinh", "chi_thi", "thong_bao", "bao_cao", "tin_bai", "khac"] },
    title: { type: "string" },
    issuedOn: { type: ["string", "null"], format: "date" },
    issuer: { type: "string" },
    unit,
    periodStart: { type: "integer" },
    periodEnd: { type: "integer" },
    sourceUrl: { type: ["string", "null"] },
    sourceNote: { type: ["string", "null"] },
    source: {
      type: "object",
      description: "The source cited in words: publisher (null when the page names none), page title, publication date when given",
      properties: {
        publisher: { type: ["string", "null"] },
        title: { type: ["string", "null"] },
        publishedOn: { type: ["string", "null"], format: "date" },
        url: { type: ["string", "null"] },
        note: { type: ["string", "null"] },
      },
    },
    inferred: {
      type: "object",
      description: "For values the source does not state but the portal inferred: why (null when the source states it)",
      properties: { period: { type: ["string", "null"] }, issueYear: { type: ["string", "null"] } },
    },
  },
};

const target = {
  type: "object",
  required: ["id", "indicator", "kind", "lower", "upper", "strict", "baseline", "unit", "periodStart", "periodEnd", "parentId", "progress"],
  properties: {
    id: { type: "string" },
    indicator: {
      type: ["object", "null"],
      properties: { code: { type: "string" }, name: { type: "string" }, unit: { type: "string", examples: ["%", "người"] } },
    },
    kind: { type: "string", enum: ["decrease_by", "reach_at_most", "reach_at_least", "count", "share_of_parent", "increase_factor", "share_of_units", "average_decrease", "qualitative"] },
    lower: { type: ["number", "null"] },
    upper: { type: ["number", "null"] },
    strict: { type: "boolean", description: "\"trên …\": met only strictly above lower" },
    approximate: { type: "boolean" },
    annual: { type: "boolean", description: "Recurring every year of the period" },
    baseline: { type: ["number", "null"] },
    unit,
    group,
    periodStart: { type: "integer" },
    periodEnd: { type: "integer" },
    parentId: { type: ["string", "null"], description: "Parent target for \"trong đó\" sub-targets" },
    statement: { type: "string", description: "The target as the source words it" },
    equivalent: {
      type: ["object", "null"],
      description: "\"tương đương 2.273 hộ\": the same target in a second unit",
      properties: { value: { type: "number" }, unit: { type: ["string", "null"], examples: ["hộ"] } },
    },
    progress: { $ref: "#/components/schemas/Progress" },
  },
};

/** A target the plan-text reader proposes (POST /api/v1/targets/parse): the Target shape without ids, unit or progress. */
const proposedTarget = {
  type: "object",
  required: [
    "indicator", "group", "kind", "lower", "upper", "strict", "approximate", "annual", "baseline", "unit", "periodStart", "periodEnd",
    "parentId", "equivalent", "statement", "measure", "sentence", "parentIndex",
  ],
  properties: {
    indicator: {
      type: ["object", "null"],
      description: "From the catalogue; null when the text names no indicator the reader knows",
      properties: { code: { type: "string" }, name: { type: "string" }, unit: { type: "string", examples: ["%", "người"] } },
    },
    group: { ...group, type: ["object", "null"], description: "The population group from the catalogue (\"all\" when the text names no sub-group); null only for a group the catalogue does not hold" },
    kind: { type: "string", enum: TARGET_KINDS.map((k) => k.toLowerCase()) },
    lower: { type: ["number", "null"] },
    upper: { type: ["number", "null"] },
    strict: { type: "boolean", description: "\"trên\", \"hơn\", \"dưới\": met only strictly beyond the bound" },
    approximate: { type: "boolean", description: "\"khoảng\", \"gần\": an approximate figure" },
    annual: { type: "boolean", description: "\"hàng năm\": recurring every year of the period" },
    baseline: { type: ["number", "null"], description: "The value the target starts from, when the text states it" },
    unit: { type: "null", description: "Always null: the text does not fix the administrative unit; the plan does" },
    periodStart: { type: ["integer", "null"], description: "From the sentence or the text before it; null when the text gives none" },
    periodEnd: { type: ["integer", "null"] },
    parentId: { type: "null", description: "Always null: nothing is stored (see parentIndex)" },
    equivalent: {
      type: ["object", "null"],
      description: "\"tương đương 2.273 hộ\": the same target in a second unit",
      properties: { value: { type: "number" }, unit: { type: ["string", "null"], examples: ["hộ"] } },
    },
    statement: { type: "string", description: "The target's own words within the sentence" },
    sentence: { type: "string", description: "The whole sentence it was read from (whitespace collapsed)" },
    measure: {
      type: ["string", "null"],
      description: "The word the text measures the figure in, as written (\"%\", \"lao động\", \"lượt hộ\", \"lần\"); compare it with the indicator's unit: \"lượt hộ\" is not \"hộ\". Null for a qualitative target",
      examples: ["%", "lao động", "lượt hộ"],
    },
    parentIndex: { type: ["integer", "null"], description: "Index in `data` of the target this one is a \"trong đó\" part of" },
  },
};

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } },
  },
};

const resultInput = {
  type: "object",
  required: ["targetId", "unitCode", "year", "value"],
  properties: {
    targetId: { type: "string", description: "Target id (from /api/v1/plans/{id})" },
    unitCode: { type: "string", description: "Official code of the unit the figure is for: the target's unit or one below it", examples: ["942"] },
    year: { type: "integer", examples: [2023] },
    value: { type: ["number", "string"], description: "A JSON number; in CSV, Vietnamese-formatted text is accepted (\"2.400\", \"18,66\")" },
    baseline: { type: ["number", "string", "null"], description: "The unit's value at the end of the previous year (rates)" },
    note: { type: ["string", "null"], maxLength: 2000 },
    evidenceUrl: { type: ["string", "null"], description: "http(s) link to the evidence" },
    version: { type: "integer", minimum: 1, description: "Required to change an existing result: its current version (optimistic locking)" },
    publish: { type: "boolean", description: "Approve and publish in the same step; only where the caller may publish (403 for the whole batch otherwise)" },
  },
};

const savedResult = {
  type: "object",
  required: ["id", "targetId", "unitCode", "year", "value", "status", "version"],
  properties: {
    id: { type: "string" },
    targetId: { type: ["string", "null"] },
    unitCode: { type: "string" },
    year: { type: "integer" },
    value: { type: "number" },
    status: { type: "string", enum: ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"] },
    version: { type: "integer" },
  },
};

const writeError = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["bad_request", "unauthorized", "forbidden", "conflict", "too_large", "invalid"] },
        message: { type: "string" },
        details: {
          type: "array",
          description: "One entry per problem",
          items: {
            type: "object",
            required: ["row", "message"],
            properties: {
              row: { type: ["integer", "null"], description: "0-based index of the row in the batch (null: the whole file)" },
              line: { type: ["integer", "null"], description: "CSV only: the line of the file (the header is line 1)" },
              field: { type: "string" },
              code: { type: "string", examples: ["invalid_number", "forbidden_publish", "version_conflict"] },
              message: { type: "string", description: "Vietnamese / English" },
              current: { type: "object", description: "409: the stored result (value, version, status, who entered it)" },
            },
          },
        },
      },
    },
  },
};

const writeErr = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/WriteError" } } } });

const errResponses = {
  "400": { description: "Invalid parameter", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

const formatParam = { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"] }, description: "csv for a UTF-8 CSV download" };

/** Query parameters and responses shared by the dashboard downloads. */
const dashboardParams = [
  { name: "asOf", in: "query", schema: { type: "string", format: "date" }, description: "Default: today (Asia/Ho_Chi_Minh)" },
  { name: "format", in: "query", schema: { type: "string", enum: ["csv", "xlsx"], default: "csv" }, description: "csv: UTF-8 CSV; xlsx: Excel workbook" },
] as const;
const dashboardResponses = (ok: string, notFound: string) =>
  ({
    "200": {
      description: ok,
      content: {
        "text/csv": { schema: { type: "string" } },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
      },
    },
    "404": { description: notFound, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ...errResponses,
  }) as const;

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Cổng theo dõi mục tiêu giảm nghèo – Open data API",
    version: "1.0.0",
    description:
      "Published plans, targets and progress of Vietnam's poverty-reduction programme. Read access needs no account; " +
      "writing results (POST /api/v1/results) needs an officer's personal access token. " +
      "Every GET answers with a weak ETag (the version of the published data and the day); send it back in If-None-Match " +
      "to get 304 Not Modified until something is published or the day changes.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/plans": {
      get: {
        summary: "Published plans",
        parameters: [
          { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "Matches number, title and unit names, ignoring case and diacritics (đ = d)" },
          { name: "unit", in: "query", schema: { type: "string" }, description: "Unit code; includes its subordinate units and the units merged into it" },
          { name: "year", in: "query", schema: { type: "integer" }, description: "Plans whose period includes this year" },
          { name: "type", in: "query", schema: { type: "string" }, description: "Document type, e.g. ke_hoach" },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1 }, description: "Page number, from 1; a page past the end answers the last page" },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 100 }, description: "Plans per page (JSON only; CSV gives every matching plan)" },
          formatParam,
        ],
        responses: {
          "200": {
            description: "Plans",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/Plan" } },
                    meta: PAGE_META,
                    links: PAGE_LINKS,
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          ...errResponses,
        },
      },
    },
    "/api/v1/plans/{id}": {
      get: {
        summary: "One published plan with its targets and their progress",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" }, description: "The plan's id, as /api/v1/plans lists it", examples: ["plan-58-kh-ubnd-2023"] },
          { name: "asOf", in: "query", schema: { type: "string", format: "date" }, description: "Date progress is computed at (default: today in Vietnam)" },
          formatParam,
        ],
        responses: {
          "200": {
            description: "The plan",
            content: {
              "application/json": {
                schema: {
                  allOf: [
                    { $ref: "#/components/schemas/Plan" },
                    { type: "object", properties: { targets: { type: "array", items: { $ref: "#/components/schemas/Target" } } } },
                  ],
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "404": { description: "No published plan with this id", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          ...errResponses,
        },
      },
    },
    "/api/v1/progress": {
      get: {
        summary: "Progress of published targets",
        parameters: [
          { name: "unit", in: "query", schema: { type: "string" }, description: "Unit code (with subordinate and merged units)" },
          { name: "year", in: "query", schema: { type: "integer" }, description: "Targets whose period includes this year; annual targets report that year" },
          { name: "indicator", in: "query", schema: { type: "string" }, description: "Indicator code" },
          { name: "asOf", in: "query", schema: { type: "string", format: "date" }, description: "Date progress is computed at (default: today in Vietnam)" },
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv", "xlsx"], default: "json" }, description: "xlsx: a sheet of targets per status and a sheet of the rows; csv: every row, streamed" },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1 }, description: "Page number, from 1 (JSON); a page past the end answers the last page" },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 2000, default: 500 }, description: "Targets per page (JSON only; CSV and XLSX give every row)" },
        ],
        responses: {
          "200": {
            description: "Progress rows, a page at a time (JSON), with links to the other pages",
            content: {
              "application/json": {
                schema: { type: "object", properties: { data: { type: "array", items: { $ref: "#/components/schemas/Progress" } }, asOf: { type: "string", format: "date" }, meta: PAGE_META, links: PAGE_LINKS } },
              },
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
            },
          },
          ...errResponses,
        },
      },
    },
    "/api/v1/results": {
      post: {
        summary: "Save a batch of results (officers, with a personal access token)",
        description:
          "All rows are checked first; one bad row rejects the whole batch and nothing is written. Rows are saved as drafts; " +
          "`publish: true` approves and publishes a row where the caller may publish (a provincial officer in their province, an administrator). " +
          "Same permissions as the officer's screens. At most 1000 rows and 2 MB per request. " +
          "Numbers sent as text (every CSV cell, JSON strings) are read the Vietnamese way (\"2.400\" = 2400, \"18,66\" = 18.66); " +
          "for a count (indicator measure COUNT) a comma followed by exactly three digits (\"18,000\") is refused as ambiguous (422 `invalid_number`, " +
          "the message giving both readings): send 18.000, 18, or a JSON number. " +
          "A saved batch may come with `warnings` (saved, but worth checking): `exceeds_parent_unit` (a count above the parent unit's figure " +
          "for the same target and year) and `baseline_differs_from_previous_year` (a baseline unlike the previous year's published result). " +
          "Create a token in the workspace (API tokens) or with `npm run --silent admin -- token create <email> [--days N] [--scope write|publish]`. " +
          "Every token expires (1 to 365 days after its creation, 90 unless chosen) and is revoked when its account's password is changed or reset or the account is disabled. " +
          "Its scope caps what it may do with its owner's permissions: `write` (the default) saves drafts only, and a batch with a row asking to publish is refused whole (403); " +
          "`publish` may also publish, where the owner may.",
        security: [{ bearerAuth: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  { type: "array", items: { $ref: "#/components/schemas/ResultInput" }, maxItems: 1000 },
                  { type: "object", required: ["rows"], additionalProperties: false, properties: { rows: { type: "array", items: { $ref: "#/components/schemas/ResultInput" }, maxItems: 1000 } } },
                ],
              },
            },
            "text/csv": {
              schema: { type: "string" },
              examples: {
                batch: {
                  summary: "Header row, then one result per row (UTF-8; \",\" or \";\" between cells; quote cells that contain them)",
                  value: "targetId,unitCode,year,value,note\r\ntarget-58-jobs,942,2023,2.400,\"Báo cáo quý IV\"\r\n",
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "Every row saved; `warnings` lists rows saved but worth checking (empty when none)",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "warnings"],
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/SavedResult" } },
                    warnings: {
                      type: "array",
                      description: "Saved, but worth checking; never a refusal",
                      items: {
                        type: "object",
                        required: ["row", "code", "message"],
                        properties: {
                          row: { type: "integer", description: "0-based index of the row in the batch" },
                          line: { type: ["integer", "null"], description: "CSV only: the line of the file (the header is line 1)" },
                          field: { type: "string", enum: ["value", "baseline"] },
                          code: {
                            type: "string",
                            enum: ["exceeds_parent_unit", "baseline_differs_from_previous_year"],
                            description:
                              "exceeds_parent_unit: a count greater than the parent unit's result for the same target (or, without one, indicator) and year; " +
                              "baseline_differs_from_previous_year: the baseline differs from the previous year's published result for the same target and unit",
                          },
                          message: { type: "string", description: "Vietnamese / English" },
                          params: {
                            type: "object",
                            description:
                              "targetId, year, unitCode, unitName, unitNameEn; exceeds_parent_unit: value, parentUnitCode, parentUnitName, parentUnitNameEn, parentValue; " +
                              "baseline_differs_from_previous_year: baseline, previousYear, previousValue",
                          },
                        },
                      },
                    },
                  },
                },
                examples: {
                  warned: {
                    summary: "A district's 3.000 jobs above the province's 2.400",
                    value: {
                      data: [{ id: "result-…", targetId: "target-58-jobs", unitCode: "942", year: 2023, value: 3000, status: "DRAFT", version: 1 }],
                      warnings: [
                        {
                          row: 0,
                          field: "value",
                          code: "exceeds_parent_unit",
                          message:
                            "Đã lưu, nhưng cần kiểm tra: giá trị của Huyện Châu Thành (3.000) lớn hơn kết quả của đơn vị cấp trên Tỉnh Sóc Trăng (2.400) cho cùng chỉ tiêu, năm 2023 / saved, but please check: …",
                          params: { targetId: "target-58-jobs", year: 2023, unitCode: "942", value: 3000, parentUnitCode: "94", parentValue: 2400 },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
          "400": writeErr("Unreadable body: malformed JSON or CSV, not UTF-8, unsupported content type"),
          "401": writeErr("Missing, invalid or revoked token (revoked by hand, or by a password change or reset or by disabling the account), or a disabled account; or an expired token, the message saying when it expired"),
          "403": writeErr("A token of scope `write` and some row asks to publish (one detail per such row, code `token_scope_publish`, the message naming the scope); some row is outside the caller's jurisdiction, or asks to publish where the caller may not; or the token's account must choose a new password first (an administrator created it or reset its password: sign in to the portal and change it, then create a new token)"),
          "405": writeErr("Any method but POST"),
          "409": writeErr("Some row conflicts with a stored result (stale or missing version, or approved and locked)"),
          "413": writeErr("Body larger than 2 MB"),
          "422": writeErr("Some row is invalid (per-row details, e.g. \"18,000\" for a count: ambiguous), or wrong CSV columns, or too many rows"),
        },
      },
    },
    "/api/v1/targets/parse": {
      post: {
        summary: "Read a plan's Vietnamese text into proposed targets (no account; nothing is saved)",
        description:
          "The body is the plan's text as plain text (`Content-Type: text/plain`, UTF-8), at most 64 KB (65.536 bytes). " +
          "The answer lists the targets the text states, in its order, each in the Target shape without ids, with the sentence it was read from " +
          "and `parentIndex` for a \"trong đó\" part; indicators and population groups are the catalogue's. " +
          "`notUnderstood` lists the statements that look like targets but could not be read without guessing " +
          "(`reason`: `number_unclear`, `kind_unclear`, `several_figures`), to be entered by hand. " +
          "An empty or blank text answers empty lists. Proposals are never stored: an officer confirms each one in plan authoring (\"Dán văn bản\").",
        requestBody: {
          required: true,
          content: {
            "text/plain": {
              schema: { type: "string", maxLength: MAX_PLAN_TEXT_BYTES },
              examples: { sentence: { summary: "One sentence of 58/KH-UBND", value: "Giải quyết việc làm cho 2.400 lao động, trong đó xuất khẩu lao động 25 người." } },
            },
          },
        },
        responses: {
          "200": {
            description: "The proposed targets and the statements not understood (both empty for a blank text)",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "notUnderstood"],
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/ProposedTarget" } },
                    notUnderstood: {
                      type: "array",
                      items: {
                        type: "object",
                        required: ["reason", "sentence", "statement"],
                        properties: {
                          reason: {
                            type: "string",
                            examples: ["number_unclear", "kind_unclear", "several_figures"],
                            description: "number_unclear: a figure that cannot be read without guessing; kind_unclear: figures, but no wording saying what is to happen to them; several_figures: more than one figure where the target takes one",
                          },
                          sentence: { type: "string" },
                          statement: { type: "string" },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "400": { description: "A content type other than text/plain, or a body that is not UTF-8", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "405": { description: "Any method but POST", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "413": { description: "Body larger than 64 KB (65.536 bytes)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "429": {
            description: "Too many texts from one client address (a burst of 30, then one every 2 s) or for the server; the Retry-After header says how many seconds to wait",
            headers: { "Retry-After": { schema: { type: "integer" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
    },
    "/api/v1/compare": {
      get: {
        summary: "One indicator and population group across provinces and their districts (published results)",
        description:
          "Every published figure is its own row: two figures of one unit and year are never added (they may count the same people). " +
          "`totals` gives, per province whose units below it reported two or more figures of a count or amount, their sum where the aggregation rule allows it " +
          "(same indicator, group and year; units that do not overlap; one figure per unit), with the number of units that reported, always marked computed; " +
          "otherwise the reason it is not formed. Rates are never summed. `reference` is null: the sources give no national figures.",
        parameters: [
          { name: "indicator", in: "query", required: true, schema: { type: "string" }, description: "Indicator code", examples: ["poverty-models"] },
          { name: "group", in: "query", schema: { type: "string" }, description: "Population group code. Default: \"all\" when the indicator has whole-unit figures, else its first group with figures", examples: ["all", "khmer"] },
          { name: "year", in: "query", schema: { type: "integer" }, description: "Default: the latest year with published results for the indicator and group" },
          { name: "sort", in: "query", schema: { type: "string", enum: ["name", "-name", "value", "-value"], default: "name" }, description: "Provinces, each followed by its districts; \"-\" sorts descending" },
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv", "xlsx"] }, description: "csv: UTF-8 CSV; xlsx: Excel workbook" },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1 }, description: "Page number, from 1 (JSON); a page past the end answers the last page" },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 2000, default: 500 }, description: "Rows per page (JSON only; CSV and XLSX give every row). `totals` is whole on every page" },
        ],
        responses: {
          "200": {
            description: "Rows per unit, a page at a time (JSON), with links to the other pages",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    indicator: { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, unit: { type: "string" }, measure: { type: "string", enum: ["rate", "count", "amount"] } } },
                    group,
                    groups: { type: "array", description: "Every group with figures of this indicator, with their years", items: group },
                    year: { type: "integer" },
                    reference: { type: "null", description: "National reference value; none is recorded" },
                    meta: PAGE_META,
                    links: PAGE_LINKS,
                    totals: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          provinceCode: { type: "string" },
                          computed: { type: "boolean", const: true },
                          value: { type: ["number", "null"] },
                          qualifier: { type: "string", enum: ["exact", "over", "about"] },
                          unitsReported: { type: "integer" },
                          notAddedBecause: { type: "string", enum: ["same_unit_twice", "overlapping_units", "not_commensurable", "not_additive"] },
                        },
                      },
                    },
                    data: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          unit: { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, level: { type: "string" }, parentCode: { type: ["string", "null"] }, validTo: { type: ["string", "null"], format: "date" }, successorCode: { type: ["string", "null"] } } },
                          value: { type: "number" },
                          group,
                          qualifier: { type: "string", enum: ["exact", "over", "about"], description: "over = \"hơn\", about = \"khoảng\"" },
                          unitFigures: { type: "integer", description: "Figures this unit has in the series; more than one are listed apart, never added" },
                          label: { type: ["string", "null"] },
                          isDemo: { type: "boolean" },
                        },
                      },
                    },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
            },
          },
          "404": { description: "No indicator, or no population group, with this code", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          ...errResponses,
        },
      },
    },
    "/api/v1/dashboards/plan/{id}": {
      get: {
        summary: "A published plan's dashboard table: each target (and each year of an annual target) with its progress",
        description: `Columns: ${PLAN_COLUMNS.join(", ")}. ` +
          "Figures come from the same progress function as /api/v1/progress.",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, description: "The plan's id, as /api/v1/plans lists it" }, ...dashboardParams],
        responses: dashboardResponses("The table", "No published plan with this id"),
      },
    },
    "/api/v1/dashboards/unit/{code}": {
      get: {
        summary: "A unit's dashboard tables: its published targets by status, and its indicators by year",
        description:
          `\`table=status\` columns: ${STATUS_COLUMNS.join(", ")}. ` +
          `\`table=plans\` (targets by status, per document) columns: ${PLAN_STATUS_COLUMNS.join(", ")}. ` +
          `\`table=indicators\` columns: ${INDICATOR_COLUMNS.join(", ")}. ` +
          "The unit includes the units below it and the units merged into it. XLSX holds the three tables as three sheets.",
        parameters: [
          { name: "code", in: "path", required: true, schema: { type: "string" }, description: "Unit code, e.g. 94" },
          { name: "table", in: "query", schema: { type: "string", enum: ["status", "plans", "indicators"], default: "status" }, description: "CSV only" },
          ...dashboardParams,
        ],
        responses: dashboardResponses("The table(s)", "No unit with this code"),
      },
    },
    "/api/v1/units": {
      get: {
        summary: "Search the registry of administrative units (before and after the 1 July 2025 reform)",
        description:
          "Every unit of Vietnam before and after the 2025 reform: 34 provinces and 3.321 communes from 1 July 2025, 63 provinces and 10.047 communes until 30 June 2025 " +
          "(a unit the reform left as it was is one unit valid on both sides). Provinces first (the nation above them), then by name. " +
          "JSON answers one page; `format=csv` gives every matching unit.",
        parameters: [
          { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "Every word must occur in the name, ignoring case and diacritics (đ = d): \"vinh thinh\" finds Xã Vĩnh Thịnh. A code or key finds its units too" },
          {
            name: "level",
            in: "query",
            schema: { type: "string", pattern: "^(nation|province|district|commune)(,(nation|province|district|commune))*$" },
            description: "`nation`, `province`, `district` or `commune`; several separated by commas (`district,commune`) give the units of any of them",
          },
          { name: "parent", in: "query", schema: { type: "string" }, description: `The units directly below this one. ${unitKeyDescription}` },
          {
            name: "within",
            in: "query",
            schema: { type: "string" },
            description:
              "The units strictly below this one, at any depth down to three levels (children, grandchildren, great-grandchildren): `within=08` gives Tuyên Quang's communes, " +
              "whether they lie under the province or under one of its former districts. Up to 8 keys separated by commas give the units below any of them. The unit itself is not listed",
          },
          { name: "validOn", in: "query", schema: { type: "string", format: "date" }, description: "Only the units in existence that day (YYYY-MM-DD)" },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 }, description: "A page past the end answers the last page" },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 }, description: "Units per page (JSON only)" },
          formatParam,
        ],
        responses: {
          "200": {
            description: "One page of units",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "total", "page", "pageSize", "pageCount", "links"],
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/Unit" } },
                    total: { type: "integer" },
                    page: { type: "integer" },
                    pageSize: { type: "integer" },
                    pageCount: { type: "integer" },
                    links: {
                      type: "object",
                      description: "Relative URLs of the next and previous pages (null at the ends)",
                      properties: { next: { type: ["string", "null"] }, prev: { type: ["string", "null"] } },
                    },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "404": { description: "`parent` or a key of `within` names no unit", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          ...errResponses,
        },
      },
    },
    "/api/v1/units/{key}": {
      get: {
        summary: "One administrative unit, with its parent, number of children, and the units it went into or that went into it",
        parameters: [{ name: "key", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9]{1,12}(-\\d{4})?$" }, description: unitKeyDescription }],
        responses: {
          "200": { description: "The unit", content: { "application/json": { schema: { $ref: "#/components/schemas/UnitDetail" } } } },
          "404": { description: "No unit with this key", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "400": { description: "Not a unit key, or a format other than json", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/api/v1/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1 document" } } } },
  },
  components: {
    schemas: { Plan: plan, Target: target, ProposedTarget: proposedTarget, Progress: progress, Unit: unitRecord, UnitRef: unit, UnitDetail: unitDetail, Error: error, ResultInput: resultInput, SavedResult: savedResult, WriteError: writeError },
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "Personal access token (gnp_…), created in the workspace or with the operators' command line; it expires (at most 365 days) and has a scope, write (drafts only) or publish",
      },
    },
  },
} as const;
