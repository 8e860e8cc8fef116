import { createRequire } from "node:module";
import { parseActionState, type ActionState, type ServerAction } from "../bench/lib/server-actions.ts";
import { type HttpSession } from "./http.ts";

// Server actions called over HTTP exactly as the browser calls them: POST to a page that uses the
// action, header Next-Action, arguments encoded by React's own client encoder.

type EncodeReply = (value: unknown) => Promise<FormData | string>;
let encodeReply: EncodeReply | undefined;

function reactEncodeReply(): EncodeReply {
  const require = createRequire(import.meta.url);
  encodeReply ??= (
    require("next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.node.production.js") as {
      encodeReply: EncodeReply;
    }
  ).encodeReply;
  return encodeReply;
}

/** A form as a browser builds it; array values repeat the field. */
export function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return form;
}

export type ActionRequest = { action: Pick<ServerAction, "id">; page: string; args: unknown[] };
export type ActionAnswer = {
  status: number;
  redirect: string | null;
  state: ActionState | null;
  text: string;
  response: Response;
};

/** The request, without applying its Set-Cookie headers (`http.absorb` does, in the order a test chooses). */
export async function sendAction(http: HttpSession, { action, page, args }: ActionRequest): Promise<ActionAnswer> {
  const body = await reactEncodeReply()(args);
  const response = await http.send(page, {
    method: "POST",
    headers: { "next-action": action.id, accept: "text/x-component" },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    redirect: response.headers.get("x-action-redirect")?.split(";")[0] ?? null,
    state: parseActionState(text),
    text,
    response,
  };
}

/** A useActionState action, `action(prevState, form)`, answered and applied like a browser would. */
export async function submitAction(
  http: HttpSession,
  action: Pick<ServerAction, "id">,
  page: string,
  fields: Record<string, string | string[]>,
): Promise<ActionAnswer> {
  const answer = await sendAction(http, { action, page, args: [{ ok: false }, formOf(fields)] });
  http.absorb(answer.response);
  return answer;
}
