import Link from "next/link";
import { createApiDocument } from "@/lib/api/openapi";
import { PROBLEM_TYPES } from "@/lib/api/problem";
import { READ_AFTER_HEADER } from "@/lib/api/read-after";

export const metadata = { title: "API reference" };

type Operation = {
  summary?: string;
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`;

/** The API reference, rendered on the server from the OpenAPI document (no script, no CDN). */
export default function ApiReferencePage() {
  const doc = createApiDocument();
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({
      path,
      method,
      op: (item as Record<string, Operation>)[method],
    })),
  );
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-10 px-6 py-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">ShootQ API reference</h1>
        <p className="text-slate-700">{doc.info.description}</p>
        <p className="text-sm text-slate-600">
          The machine-readable description:{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI {doc.openapi}).
        </p>
      </header>

      <section aria-labelledby="conventions" className="space-y-3 text-sm text-slate-700">
        <h2 id="conventions" className="text-xl font-semibold text-slate-900">
          Conventions
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            Lists return a page (25 items; open tasks 50): <code>{"{ data, next, prev }"}</code>. Pass <code>next</code>{" "}
            as <code>?after=</code> for the following page. A job&apos;s proposals and contracts come whole:{" "}
            <code>{"{ data }"}</code>. Money is in minor units (cents).
          </li>
          <li>
            A <code>POST</code> answers 201 with the created item, as its <code>GET</code> returns it, and its URL in{" "}
            <code>Location</code>. A <code>PATCH</code> takes any of the matching form&apos;s fields: one left out keeps
            its value, an empty one is cleared, and a field the form does not have is refused (400, with a pointer to
            it).
          </li>
          <li>
            Every answer carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and{" "}
            <code>RateLimit-Reset</code>; over the limit you get 429 with <code>Retry-After</code>.
          </li>
          <li>
            Send <code>Idempotency-Key</code> on a POST to retry it safely: the same key and body return the first
            answer; the same key with another body is refused (422). Keys are kept 24 hours.
          </li>
          <li>
            Reading your own writes: a write answers with <code>X-ShootQ-Read-After</code>. Send that value back as the{" "}
            <code>{READ_AFTER_HEADER}</code> header on later reads and they include the write. Without it, a read may
            briefly miss a write made a moment before.
          </li>
          <li>
            Tokens are made and revoked by the studio owner in{" "}
            <Link className="underline" href="/settings/api-tokens">
              Settings → API tokens
            </Link>
            . A read-only token gets 403 on writes; a revoked one gets 401.
          </li>
        </ul>
      </section>

      <section aria-labelledby="endpoints" className="space-y-6">
        <h2 id="endpoints" className="text-xl font-semibold">
          Endpoints
        </h2>
        {operations.map(({ path, method, op }) => (
          <article key={`${method} ${path}`} id={anchor(method, path)} className="space-y-2 rounded-lg border p-4">
            <h3 className="font-mono text-base font-semibold">
              {method.toUpperCase()} {path}
            </h3>
            {op.summary ? <p className="text-sm text-slate-700">{op.summary}</p> : null}
            {op.parameters?.length ? (
              <ul aria-label={`Parameters of ${method.toUpperCase()} ${path}`} className="text-sm">
                {op.parameters.map((p) => (
                  <li key={`${p.in}:${p.name}`}>
                    <code>{p.name}</code> ({p.in}
                    {p.required ? ", required" : ""}){p.description ? ` — ${p.description}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {op.requestBody ? (
              <details className="text-sm">
                <summary>Request body</summary>
                <pre className="rounded bg-slate-50 p-2 text-xs break-words whitespace-pre-wrap">
                  {JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2)}
                </pre>
              </details>
            ) : null}
            <ul aria-label={`Responses of ${method.toUpperCase()} ${path}`} className="text-sm">
              {Object.entries(op.responses ?? {}).map(([status, r]) => (
                <li key={status}>
                  <strong>{status}</strong> {r.description}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>

      <section aria-labelledby="webhooks" className="space-y-6">
        <h2 id="webhooks" className="text-xl font-semibold">
          Webhooks
        </h2>
        <p className="text-sm text-slate-700">
          Owners add endpoints in{" "}
          <Link className="underline" href="/settings/webhooks">
            Settings → Webhooks
          </Link>
          . ShootQ POSTs each event signed per the Standard Webhooks specification (headers <code>webhook-id</code>,{" "}
          <code>webhook-timestamp</code>, <code>webhook-signature</code>; verify them with the endpoint&rsquo;s{" "}
          <code>whsec_…</code> secret and any Standard Webhooks library).
        </p>
        {Object.entries(doc.webhooks ?? {}).map(([type, item]) => {
          const op = (item as Record<string, Operation>).post;
          return (
            <article key={type} id={`webhook-${type}`} className="space-y-2 rounded-lg border p-4">
              <h3 className="font-mono text-base font-semibold">{type}</h3>
              {op.summary ? <p className="text-sm text-slate-700">{op.summary}</p> : null}
              {op.requestBody ? (
                <details className="text-sm">
                  <summary>Body</summary>
                  <pre className="rounded bg-slate-50 p-2 text-xs break-words whitespace-pre-wrap">
                    {JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2)}
                  </pre>
                </details>
              ) : null}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="schemas" className="space-y-4">
        <h2 id="schemas" className="text-xl font-semibold">
          Schemas
        </h2>
        {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
          <details key={name} id={`schema-${name}`} className="text-sm">
            <summary className="font-mono">{name}</summary>
            <pre className="rounded bg-slate-50 p-2 text-xs break-words whitespace-pre-wrap">
              {JSON.stringify(schema, null, 2)}
            </pre>
          </details>
        ))}
      </section>

      <section aria-labelledby="problems" className="space-y-2 text-sm">
        <h2 id="problems" className="text-xl font-semibold">
          Errors
        </h2>
        <p>
          Every error is an RFC 9457 problem details object (<code>application/problem+json</code>) with{" "}
          <code>type</code>, <code>title</code>, <code>status</code> and <code>detail</code>; invalid input adds{" "}
          <code>errors</code>, one <code>{"{ pointer, detail }"}</code> per message.
        </p>
        <ul className="list-disc pl-5">
          {PROBLEM_TYPES.map((t) => (
            <li key={t} id={`problem-${t}`}>
              <code>/docs/api#problem-{t}</code>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
