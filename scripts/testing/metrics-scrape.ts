/**
 * One node's Prometheus scrape as `name{labels}` → value, read with the operator token
 * (`OPERATOR_TOKEN`) as an operator's Prometheus would; throws unless it answers 200 in text format.
 */
export async function scrapeNode(appUrl: string): Promise<Map<string, number>> {
  const res = await fetch(`${appUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${process.env.OPERATOR_TOKEN}` },
  });
  if (res.status !== 200 || !res.headers.get("content-type")?.includes("text/plain"))
    throw new Error(`the metrics answered ${res.status} ${res.headers.get("content-type")}`);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
    const m = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) samples.set(m[1], Number(m[2]));
  }
  return samples;
}
