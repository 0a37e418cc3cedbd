// The OpenAPI document (openapi.ts) as a reference for people: each path and method with its
// summary and description, its parameters (where, required, type, allowed values, default,
// description) and its responses. The open-data page (/open-data) renders it on the server;
// the JSON itself stays at /api/v1/openapi.json. Pure.
import { openApiDocument } from "./openapi";

type TSchema = {
  type?: string | readonly string[];
  format?: string;
  enum?: readonly unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
};

type TParameter = { name: string; in: string; required?: boolean; description?: string; schema?: TSchema; examples?: readonly unknown[] };
type TOperation = {
  summary?: string;
  description?: string;
  parameters?: readonly TParameter[];
  security?: readonly unknown[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
};

export type TReferenceParameter = {
  name: string;
  in: string;
  required: boolean;
  /** "string", "integer", "string (date)", "number | null"… */
  type: string;
  /** The allowed values, when listed. */
  values: string[];
  default: string | null;
  /** Bounds and patterns, in the document's own words ("1–100", "at most 200 characters"). */
  limits: string | null;
  description: string;
  example: string | null;
};

export type TReferenceOperation = {
  /** A fragment id for the page: "get-api-v1-plans-id". */
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  /** Needs an officer's personal access token. */
  secured: boolean;
  parameters: TReferenceParameter[];
  /** Media types of the request body (writes only). */
  requestTypes: string[];
  responses: { status: string; description: string; types: string[] }[];
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function typeText(s: TSchema | undefined): string {
  if (!s?.type) return "";
  const t = Array.isArray(s.type) ? (s.type as string[]).join(" | ") : String(s.type);
  return s.format ? `${t} (${s.format})` : t;
}

function limitsText(s: TSchema | undefined): string | null {
  if (!s) return null;
  const parts: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum}–${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  else if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.pattern) parts.push(s.pattern);
  return parts.length ? parts.join(", ") : null;
}

const anchorOf = (method: string, path: string) => `${method}-${path}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

/** Every operation of the document, in its order. */
export function apiReference(doc: { paths: Record<string, unknown> } = openApiDocument as unknown as { paths: Record<string, unknown> }): TReferenceOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = (item as Record<string, TOperation | undefined>)[method];
      if (!op) return [];
      return [
        {
          anchor: anchorOf(method, path),
          method: method.toUpperCase(),
          path,
          summary: op.summary ?? "",
          description: op.description ?? "",
          secured: (op.security?.length ?? 0) > 0,
          parameters: (op.parameters ?? []).map((p) => ({
            name: p.name,
            in: p.in,
            required: p.required === true,
            type: typeText(p.schema),
            values: (p.schema?.enum ?? []).map(String),
            default: p.schema?.default === undefined ? null : String(p.schema.default),
            limits: limitsText(p.schema),
            description: p.description ?? "",
            example: p.examples?.length ? String(p.examples[0]) : null,
          })),
          requestTypes: Object.keys(op.requestBody?.content ?? {}),
          responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({ status, description: r.description ?? "", types: Object.keys(r.content ?? {}) })),
        },
      ];
    }),
  );
}

/** A description's text and `code` spans, for rendering without markdown. */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((s) => s !== "")
    .map((s) => (s.startsWith("`") && s.endsWith("`") && s.length > 1 ? { code: true, text: s.slice(1, -1) } : { code: false, text: s }));
}
