// The officer's result grid (/workspace/plans/{id}/results) driven over HTTP as a signed-in
// browser drives it: the page read with the session cookie, then its "Lưu nháp" (save) posted.
//
// How a save reaches the server. The grid's <form id="results-grid-form"> has no `action` nor
// `method` (components/results-grid/results-grid.tsx): it is submitted by its onSubmit
// handler, which calls the server action through useActionState. So the page holds no
// `$ACTION_ID_…` / `$ACTION_REF_…` hidden inputs, and a browser without JavaScript would only
// GET the page again with the fields in the query string (nothing saved). The saves are sent
// the way the page's JavaScript sends them (Next's fetchServerAction):
//   POST <the page's address>
//   Next-Action: <the save action's id, read from the page's RSC payload: the grid's props
//                 `actions.save` = "$h<n>", row <n> = {"id":"<action id>","bound":null}>
//   Next-Router-State-Tree: <the page's router state, rebuilt from the same payload>
//   Next-Url: <the page's path>; Accept: text/x-component; Origin: the portal; Cookie: the session
//   body: multipart/form-data, React's encodeReply of the action's arguments (prevState,
//         FormData): the form's entries as "_1_<name>", then "0" = [prevState, "$K1"].
// The form's entries are what the browser's FormData(form, submitter) holds: every input
// associated with the form (`form="results-grid-form"`, in document order; checkboxes only
// when checked), the form's own hidden planId, then the submitter's intent=save.
// The answer is an RSC stream whose row 0 is {"a":"$@<n>",…}; row <n> is the action's state
// ({ok, message, fieldErrors, conflicts…}).
import type http from "node:http";
import { formatNumber } from "../../lib/domain/numbers";
import { failed, send, SESSION_COOKIE, type Outcome } from "./client";
import { headersFor } from "../bench/http";

export const gridPath = (planId: string) => `/workspace/plans/${encodeURIComponent(planId)}/results`;

/** One editable row of the grid as the page shows it. */
export type GridRow = {
  index: number;
  targetId: string;
  unitCode: string;
  year: number;
  /** The stored result (absent: no result yet). */
  resultId?: string;
  status?: string;
  version?: number;
  /** What the value input was loaded with (Vietnamese format, "" when none). */
  value0: string;
  /** Whether the row has a baseline input (rates), and what it was loaded with. */
  baseline0: string | null;
};

export type GridPage = {
  planId: string;
  /** Every entry of the form as the browser's FormData would hold it before anything is typed. */
  fields: [string, string][];
  rows: Map<string, GridRow>;
  saveActionId: string | null;
  routerStateTree: string | null;
};

export const rowKey = (targetId: string, unitCode: string, year: number | string) => `${targetId}|${unitCode}|${year}`;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const unescapeHtml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e.toLowerCase()] ?? m),
  );

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_:][-A-Za-z0-9_:.]*)(?:="([^"]*)")?/g)) out.set(m[1]!.toLowerCase(), unescapeHtml(m[2] ?? ""));
  return out;
}

/** The RSC payload the page carries for hydration (self.__next_f.push([1,"…"]) chunks, joined). */
export function flightOf(html: string): string {
  let out = "";
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) out += JSON.parse(m[1]!) as string;
  return out;
}

/** Rows of an RSC payload "id:JSON", by id (rows that are not one line of JSON left out). */
function flightRows(flight: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):([[{"].*)$/.exec(line);
    if (!m) continue;
    try {
      out.set(m[1]!, JSON.parse(m[2]!));
    } catch {
      // a text row or one split over lines: not needed here
    }
  }
  return out;
}

type TreeNode = { s: string | { n: string; t: string; k: string }; h?: number; c?: string };

/**
 * The router state the browser sends back (Next-Router-State-Tree), rebuilt from the page's
 * payload: row 0's `t.t` is the root segment, each `c: "$Q<id>"` names a row holding
 * [["children", node]]; a dynamic segment {n, t, k} is sent as [n, k, t, null] (Next's
 * prepareFlightRouterStateForRequest), the hints `h` as the 5th element.
 */
function routerStateTree(rows: Map<string, unknown>): string | null {
  const root = rows.get("0") as { t?: { t?: TreeNode } } | undefined;
  const convert = (node: TreeNode, depth: number): unknown[] | null => {
    if (depth > 30) return null;
    const seg = typeof node.s === "string" ? node.s : [node.s.n, node.s.k, node.s.t, null];
    const children: Record<string, unknown> = {};
    if (typeof node.c === "string" && node.c.startsWith("$Q")) {
      const entries = rows.get(node.c.slice(2)) as [string, TreeNode][] | undefined;
      if (!Array.isArray(entries)) return null;
      for (const [key, child] of entries) {
        const c = convert(child, depth + 1);
        if (!c) return null;
        children[key] = c;
      }
    }
    const out: unknown[] = [seg, children];
    if (node.h !== undefined) out[4] = node.h;
    return out;
  };
  const top = root?.t?.t;
  if (!top) return null;
  const tree = convert(top, 0);
  // Holes (no refresh marker) are sent as null, as JSON.stringify does in the browser.
  return tree ? encodeURIComponent(JSON.stringify(tree)) : null;
}

/** The grid page's form, rows and save action, from its HTML. */
export function parseGridPage(html: string, planId: string): GridPage {
  const fields: [string, string][] = [];
  const rows = new Map<number, Partial<GridRow> & { index: number }>();
  let formPlanId: string | null = null;
  let inForm = false;
  for (const m of html.matchAll(/<(\/?)(form|input)\b([^>]*)>/gi)) {
    const a = attrs(m[3]!);
    if (m[2]!.toLowerCase() === "form") {
      inForm = m[1] === "" ? a.get("id") === "results-grid-form" : false;
      continue;
    }
    const owner = a.get("form");
    if (!(owner === "results-grid-form" || (owner === undefined && inForm))) continue;
    const name = a.get("name");
    if (!name) continue;
    const type = (a.get("type") ?? "text").toLowerCase();
    if ((type === "checkbox" || type === "radio") && !a.has("checked")) continue;
    const value = type === "checkbox" && !a.has("value") ? "on" : (a.get("value") ?? "");
    fields.push([name, value]);
    if (name === "planId") formPlanId = value;
    const r = /^rows\.(\d+)\.(\w+)$/.exec(name);
    if (!r) continue;
    const index = Number(r[1]);
    const row = rows.get(index) ?? { index };
    rows.set(index, row);
    switch (r[2]) {
      case "targetId":
        row.targetId = value;
        break;
      case "unitCode":
        row.unitCode = value;
        break;
      case "year":
        row.year = Number(value);
        break;
      case "resultId":
        row.resultId = value;
        break;
      case "status":
        row.status = value;
        break;
      case "version":
        row.version = Number(value);
        break;
      case "value0":
        row.value0 = value;
        break;
      case "baseline0":
        row.baseline0 = value;
        break;
    }
  }
  const byKey = new Map<string, GridRow>();
  for (const r of rows.values()) {
    if (!r.targetId || !r.unitCode || !r.year) continue;
    byKey.set(rowKey(r.targetId, r.unitCode, r.year), { value0: "", baseline0: null, ...r } as GridRow);
  }
  const flight = flightOf(html);
  const frows = flightRows(flight);
  const ref = /"actions":\{"save":"\$h([0-9a-f]+)"/.exec(flight)?.[1];
  const action = ref ? (frows.get(ref) as { id?: string } | undefined) : undefined;
  return { planId: formPlanId ?? planId, fields, rows: byKey, saveActionId: action?.id ?? null, routerStateTree: routerStateTree(frows) };
}

/** The value as an officer types it, in the grid's own (Vietnamese) format: "1.234", "45,6". */
export const typed = (n: number) => formatNumber(n);

export type Edit = { key: string; value: number; baseline?: number };

/**
 * The form's entries after typing `edits` (value, and a baseline where given) and pressing
 * "Lưu nháp": as FormData(form, submitter) orders them (the inputs in document order, the
 * rows typed in now checked as selected, then the submitter's intent).
 */
export function filledForm(page: GridPage, edits: Edit[]): [string, string][] {
  const byIndex = new Map<number, Edit>();
  for (const e of edits) {
    const r = page.rows.get(e.key);
    if (r) byIndex.set(r.index, e);
  }
  const out: [string, string][] = [];
  for (const [name, value] of page.fields) {
    const m = /^rows\.(\d+)\.(\w+)$/.exec(name);
    const e = m ? byIndex.get(Number(m[1])) : undefined;
    if (m && e && m[2] === "value") out.push([name, typed(e.value)]);
    else if (m && e && m[2] === "baseline" && e.baseline !== undefined) out.push([name, typed(e.baseline)]);
    else if (!(m && e && m[2] === "selected")) out.push([name, value]);
    // Typing in a row checks its "Chọn" box (grid-row.tsx), the input after the row's evidence link.
    if (m && e && m[2] === "evidenceUrl") out.push([`rows.${m[1]}.selected`, "on"]);
  }
  out.push(["intent", "save"]);
  return out;
}

/** The multipart body of a server action called with (prevState, formData), as React encodes it. */
export async function actionBody(prevState: unknown, entries: [string, string][]): Promise<{ body: Buffer; contentType: string }> {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(`_1_${k}`, v);
  // The root model last, as encodeReply sets it once the parts are written (the server reads
  // "$K1" from the entries received before it).
  fd.append("0", JSON.stringify([prevState, "$K1"]));
  const req = new Request("http://localhost/", { method: "POST", body: fd });
  return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get("content-type")! };
}

export type ActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; conflicts?: Record<string, { code: string; message: string }>; details?: string[]; savedKeys?: string[] };

/** The action's state in an RSC answer (row 0's `a`, maybe "$@<n>" naming row n), or null. */
export function actionStateOf(o: Outcome): ActionState | null {
  if (failed(o) || !String(o.headers["content-type"] ?? "").startsWith("text/x-component")) return null;
  const rows = flightRows(o.body.toString("utf8"));
  const a = (rows.get("0") as { a?: unknown } | undefined)?.a;
  const v = typeof a === "string" && a.startsWith("$@") ? rows.get(a.slice(2)) : a;
  return v && typeof v === "object" && "ok" in v ? (v as ActionState) : null;
}

/** The grid page, signed in. */
export function getGrid(base: URL, planId: string, session: string, agent?: http.Agent, timeoutMs?: number): Promise<Outcome> {
  const path = gridPath(planId);
  return send(base, "GET", path, { agent, timeoutMs, headers: { ...headersFor(path), cookie: `${SESSION_COOKIE}=${session}` } });
}

/** "Lưu nháp" on a grid page read before: the page's save action with the form as filled. */
export async function postGridSave(base: URL, page: GridPage, edits: Edit[], session: string, agent?: http.Agent, timeoutMs?: number): Promise<Outcome> {
  if (!page.saveActionId) throw new Error(`no save action on the grid page of ${page.planId}`);
  const path = gridPath(page.planId);
  const { body, contentType } = await actionBody({ ok: false }, filledForm(page, edits));
  return send(base, "POST", path, {
    agent,
    timeoutMs,
    body,
    headers: {
      accept: "text/x-component",
      "accept-encoding": "gzip, br",
      "accept-language": "vi",
      "content-type": contentType,
      "next-action": page.saveActionId,
      ...(page.routerStateTree ? { "next-router-state-tree": page.routerStateTree } : {}),
      "next-url": path,
      origin: base.origin,
      referer: new URL(path, base).href,
      cookie: `${SESSION_COOKIE}=${session}`,
    },
  });
}
