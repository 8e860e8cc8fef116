import http from "node:http";
import https from "node:https";
import { type LookupFunction } from "node:net";
import { type CheckedAddress } from "./address";

export type SendOutcome = {
  statusCode: number | null;
  /** The receiver's first characters (a 2xx body or an error page). */
  excerpt: string | null;
  error: string | null;
};

const EXCERPT_BYTES = 500;

/**
 * POSTs `body` to `url`, connecting to `address` (already resolved and checked) whatever the DNS
 * says now; TLS still verifies the certificate against the URL's host name. Redirects are not
 * followed (a 3xx is an answer like any other). Never throws: a network error or the timeout
 * comes back as `error`.
 */
export function postWebhook({
  url,
  address,
  headers,
  body,
  timeoutMs,
}: {
  url: URL;
  address: CheckedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<SendOutcome> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Enough to show in the log: the rest of a large answer is not read.
          if (size >= EXCERPT_BYTES) response.destroy();
        });
        const done = () =>
          finish({
            statusCode: response.statusCode ?? null,
            excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8") || null,
            error: null,
          });
        response.on("end", done);
        response.on("close", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ statusCode: null, excerpt: null, error: `No answer within ${timeoutMs / 1000} s.` });
    }, timeoutMs);
    request.on("error", (error) => finish({ statusCode: null, excerpt: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });
}
