/** Set by proxy.ts on every request: which database host this request reads from. */
export const READ_HOST_HEADER = "x-shootq-read-host";
/** Sent back to the client: where the request's reads went and why. */
export const READS_RESPONSE_HEADER = "x-shootq-reads";

export type ReadHost = { kind: "primary" } | { kind: "replica"; index: number };

export function formatReadHost(host: ReadHost): string {
  return host.kind === "primary" ? "primary" : `replica-${host.index + 1}`;
}

export function parseReadHost(value: string | null | undefined): ReadHost {
  const match = /^replica-(\d+)$/.exec(value ?? "");
  return match ? { kind: "replica", index: Number(match[1]) - 1 } : { kind: "primary" };
}
