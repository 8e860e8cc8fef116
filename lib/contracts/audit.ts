import { createHash } from "node:crypto";
import { type Tx } from "@/lib/db";

// The audit trail is a hash chain: each entry's hash covers its own fields and the hash of the
// entry before it. Changing, removing or reordering any row afterwards breaks the chain from
// that row on, and the "Verify" view says which. Signatures and the frozen document are tied in
// through the hashes the entries carry.

export const GENESIS_HASH = "0".repeat(64);

export type AuditAction = "created" | "sent" | "viewed" | "signed" | "countersigned" | "voided" | "re-sent";

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  created: "Created",
  sent: "Sent",
  viewed: "Viewed",
  signed: "Signed",
  countersigned: "Countersigned",
  voided: "Voided",
  "re-sent": "Re-sent",
};

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** JSON with object keys sorted at every depth: the database's jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export type AuditFields = {
  contractId: string;
  seq: number;
  action: string;
  actor: string;
  ipAddress: string | null;
  userAgent: string | null;
  details: unknown;
  at: Date;
};

export function auditEntryHash(prevHash: string, entry: AuditFields): string {
  const { contractId, seq, action, actor, ipAddress, userAgent, details, at } = entry;
  return sha256(
    `${prevHash}\n${canonicalJson({ contractId, seq, action, actor, ipAddress, userAgent, details, at: at.toISOString() })}`,
  );
}

export type AuditInput = {
  studioId: string;
  contractId: string;
  action: AuditAction;
  actor: string;
  ipAddress?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
  at: Date;
};

/** Appends one entry. The caller holds the contract's row lock, so entries never fork. */
export async function appendAuditEntry(tx: Tx, input: AuditInput): Promise<void> {
  const last = await tx.contractAuditEntry.findFirst({
    where: { contractId: input.contractId, studioId: input.studioId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const fields: AuditFields = {
    contractId: input.contractId,
    seq: (last?.seq ?? 0) + 1,
    action: input.action,
    actor: input.actor,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    details: JSON.parse(JSON.stringify(input.details ?? {})),
    at: input.at,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.contractAuditEntry.create({
    data: {
      ...fields,
      studioId: input.studioId,
      details: fields.details as object,
      prevHash,
      hash: auditEntryHash(prevHash, fields),
    },
    select: { id: true },
  });
}

/** What a signature's audit entry records about it, so a later edit of the signature row shows. */
export function signatureFingerprint(signature: {
  id: string;
  role: string;
  name: string;
  signedAt: Date;
  ipAddress: string;
  userAgent: string;
  documentHash: string;
  image: Uint8Array | null;
}) {
  return {
    signatureId: signature.id,
    role: signature.role,
    name: signature.name,
    signedAt: signature.signedAt.toISOString(),
    ipAddress: signature.ipAddress,
    userAgent: signature.userAgent,
    documentHash: signature.documentHash,
    imageHash: signature.image ? sha256(signature.image) : null,
  };
}

export type StoredAuditEntry = AuditFields & { prevHash: string; hash: string };
export type StoredSignature = Parameters<typeof signatureFingerprint>[0];

export type EntryCheck = { seq: number; action: string; actor: string; at: Date; isIntact: boolean; problem?: string };

export type Verification = {
  isIntact: boolean;
  /** The first thing found wrong, in words; undefined when intact. */
  problem?: string;
  document: { storedHash: string | null; computedHash: string | null; isIntact: boolean };
  entries: EntryCheck[];
  signatures: { role: string; name: string; isIntact: boolean }[];
};

/**
 * Recomputes the document hash and the chain, and checks every signature against the entry that
 * recorded it. Pure: the caller loads the rows (from any host: a replica that lags shows an
 * older but still intact chain).
 */
export function verifyContractRecords(
  contract: { id: string; html: string | null; documentHash: string | null },
  entries: StoredAuditEntry[],
  signatures: StoredSignature[],
): Verification {
  const problems: string[] = [];
  const computedHash = contract.html === null ? null : sha256(contract.html);
  const documentIntact = computedHash === contract.documentHash;
  if (!documentIntact)
    problems.push(
      "The contract text does not match the document hash recorded when it was sent: the text was changed after sending.",
    );

  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  const checks: EntryCheck[] = sorted.map((entry, i) => {
    const label = `Entry ${entry.seq} (${entry.action})`;
    let problem: string | undefined;
    if (entry.contractId !== contract.id) problem = `${label} belongs to another contract.`;
    else if (entry.seq !== i + 1) problem = `${label} follows entry ${i}: an entry is missing.`;
    else if (entry.prevHash !== prev)
      problem = `${label} does not follow the entry before it: an entry was removed, added or replaced.`;
    else if (auditEntryHash(entry.prevHash, entry) !== entry.hash)
      problem = `${label} was changed after it was recorded.`;
    prev = entry.hash;
    if (problem) problems.push(problem);
    return { seq: entry.seq, action: entry.action, actor: entry.actor, at: entry.at, isIntact: !problem, problem };
  });

  const sentHashes = sorted
    .filter((e) => e.action === "sent")
    .map((e) => (e.details as { documentHash?: string })?.documentHash);
  if (contract.documentHash && sentHashes.length && !sentHashes.includes(contract.documentHash)) {
    problems.push("The document hash differs from the one the trail recorded when the contract was sent.");
  }

  const signatureChecks = signatures.map((signature) => {
    const recorded = sorted.find((e) => (e.details as { signatureId?: string })?.signatureId === signature.id);
    const isIntact =
      Boolean(recorded) &&
      canonicalJson(recorded!.details) ===
        canonicalJson({ ...signatureFingerprint(signature), ...pickExtra(recorded!.details) });
    if (!isIntact)
      problems.push(
        `The ${signature.role === "CLIENT" ? "client's" : "studio's"} signature (${signature.name}) differs from what the trail recorded.`,
      );
    return { role: signature.role, name: signature.name, isIntact };
  });

  return {
    isIntact: problems.length === 0,
    problem: problems[0],
    document: { storedHash: contract.documentHash, computedHash, isIntact: documentIntact },
    entries: checks,
    signatures: signatureChecks,
  };
}

/** Entry details beyond the signature's fingerprint (e.g. "automatic"), kept out of the comparison. */
function pickExtra(details: unknown): Record<string, unknown> {
  const fingerprintKeys = new Set([
    "signatureId",
    "role",
    "name",
    "signedAt",
    "ipAddress",
    "userAgent",
    "documentHash",
    "imageHash",
  ]);
  return Object.fromEntries(
    Object.entries((details ?? {}) as Record<string, unknown>).filter(([k]) => !fingerprintKeys.has(k)),
  );
}
