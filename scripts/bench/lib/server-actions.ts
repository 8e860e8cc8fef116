import { readFileSync } from "node:fs";
import path from "node:path";
import { DIST_DIR } from "../../lib/paths.ts";

// Server actions called over HTTP the way React's client calls them: POST to a page that uses
// the action, header Next-Action: <id>, and a multipart body made by React's encodeReply. For a
// useActionState action (prevState, formData) that is the form's fields prefixed "_1_", then
// the argument list in part "0" ('$K1' points at those fields). Part "0" must come last: the
// server resolves '$K1' from the parts it has read when it reads "0".

export type ServerAction = {
  id: string;
  /** Source file and export, e.g. app/(studio)/leads/actions.ts#createLeadAction. */
  name: string;
  filename: string;
  exportedName: string;
  /** App routes whose page uses the action, e.g. "/(studio)/leads/[id]". */
  routes: string[];
};

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

/** Every server action of the production build (`NEXT_DIST_DIR`, default `.next`). */
export function readServerActions(distDir = DIST_DIR): ServerAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({
      id,
      name: `${entry.filename}#${entry.exportedName}`,
      filename: entry.filename,
      exportedName: entry.exportedName,
      routes: Object.keys(entry.workers).map((w) => w.replace(/^app/, "").replace(/\/page$/, "") || "/"),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findServerAction(actions: ServerAction[], exportedName: string, file?: string): ServerAction {
  const found = actions.find((a) => a.exportedName === exportedName && (!file || a.filename === file));
  if (!found)
    throw new Error(`no server action ${exportedName}${file ? ` in ${file}` : ""} in the build: run \`npm run build\``);
  return found;
}

/** A URL path for an app route: groups dropped, each [param] filled from `params` (or "x"). */
export function pathForRoute(route: string, params: Record<string, string> = {}): string {
  const segments = route
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => {
      const m = /^\[+\.{0,3}([^\]]+)\]+$/.exec(s);
      return m ? encodeURIComponent(params[m[1]] ?? "x") : s;
    });
  return `/${segments.join("/")}`;
}

export type ActionBody = { body: string; contentType: string };

const escapeName = (name: string) => name.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));

/** The multipart body React sends for `action(prevState, formData)`; `fields` may repeat a name via arrays. */
export function encodeActionBody(
  fields: Record<string, string | string[]>,
  prevState: unknown = { ok: false },
  boundary = "----ShootQBench7d1f",
): ActionBody {
  const parts: string[] = [];
  const part = (name: string, value: string) =>
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`);
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) part(`_1_${name}`, v);
  }
  part("0", JSON.stringify([prevState, "$K1"]));
  return { body: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

export function actionHeaders(
  action: Pick<ServerAction, "id">,
  body: ActionBody,
  origin: string,
): Record<string, string> {
  return { "next-action": action.id, accept: "text/x-component", origin, "content-type": body.contentType };
}

/** The rows of an RSC answer by id: "<id>:<json>\n", or "<id>:T<hex byte length>,<text>" (long strings). */
export function parseRscRows(rsc: string): Map<string, string> {
  const buf = Buffer.from(rsc, "utf8");
  const rows = new Map<string, string>();
  let i = 0;
  while (i < buf.length) {
    const colon = buf.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = buf.subarray(i, colon).toString("utf8");
    if (buf[colon + 1] === 0x54 /* T */) {
      const comma = buf.indexOf(0x2c, colon);
      const length = parseInt(buf.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, buf.subarray(comma + 1, comma + 1 + length).toString("utf8"));
      i = comma + 1 + length;
    } else {
      const end = buf.indexOf(0x0a, colon);
      rows.set(id, buf.subarray(colon + 1, end < 0 ? buf.length : end).toString("utf8"));
      i = end < 0 ? buf.length : end + 1;
    }
  }
  return rows;
}

export type ActionState = { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/** The action's returned state (row 1 of its RSC answer), or null when it redirected or sent none. */
export function parseActionState(rsc: string): ActionState | null {
  const row = parseRscRows(rsc).get("1");
  if (!row?.startsWith("{")) return null;
  try {
    return JSON.parse(row) as ActionState;
  } catch {
    return null;
  }
}
