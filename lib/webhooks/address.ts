import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Where a webhook may not go: the server's own loopback, private networks, link-local (and the
// cloud metadata service at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges,
// and their IPv6 counterparts. A studio could otherwise make ShootQ call its internal services.
const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  // NAT64 addresses reach IPv4 hosts. (IPv4-mapped ones, ::ffff:a.b.c.d, BlockList already checks
  // against the IPv4 ranges above.)
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  refused.addSubnet(network, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  try {
    return refused.check(address, family === 4 ? "ipv4" : "ipv6");
  } catch {
    // An address BlockList cannot read (an IPv6 zone id, say) is not sent anything.
    return true;
  }
}

export type WebhookAddressPolicy = {
  /** Tests and local development deliver to receivers on 127.0.0.1 (WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivate: boolean;
};

export type CheckedAddress = { address: string; family: 4 | 6 };

export class WebhookUrlRefused extends Error {
  /** A host that could not be resolved may resolve later; a private address stays refused. */
  constructor(
    message: string,
    readonly isTemporary = false,
  ) {
    super(message);
  }
}

/** "https://host:port/path" parsed, with a readable refusal for anything else. */
export function parseWebhookUrl(raw: string, policy: WebhookAddressPolicy): URL {
  if (!URL.canParse(raw)) throw new WebhookUrlRefused("Enter a full URL, such as https://example.com/webhooks.");
  const url = new URL(raw);
  // Plain http only where private receivers are allowed (a test receiver on this machine).
  const schemes = policy.allowPrivate ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) throw new WebhookUrlRefused("The URL must start with https://.");
  if (url.username || url.password) throw new WebhookUrlRefused("Put no user name or password in the URL.");
  return url;
}

/**
 * Resolves the URL's host and checks every address it resolves to. The delivery then connects to
 * the address returned here, never resolving again, so a host that answers DNS with a public
 * address first and a private one next (DNS rebinding) cannot slip through.
 */
export async function resolveWebhookUrl(url: URL, policy: WebhookAddressPolicy): Promise<CheckedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new WebhookUrlRefused(`The host ${host} could not be found.`, true);
    }
  }
  if (addresses.length === 0) throw new WebhookUrlRefused(`The host ${host} could not be found.`, true);
  if (!policy.allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    throw new WebhookUrlRefused(
      `The host ${host} is a private or local address: webhooks only go to public internet addresses.`,
    );
  const [first] = addresses;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
