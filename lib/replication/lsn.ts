/** PostgreSQL WAL positions ("16/B374D848") as numbers that compare and subtract. */
export function lsnToBigInt(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export function bigIntToLsn(n: bigint): string {
  return `${(n >> 32n).toString(16).toUpperCase()}/${(n & 0xffffffffn).toString(16).toUpperCase()}`;
}

export function maxLsn(a: string, b: string): string {
  return lsnToBigInt(a) >= lsnToBigInt(b) ? a : b;
}

/** Whether a server that has replayed up to `replayed` has everything committed up to `lsn`. */
export function hasReplayed(replayed: string | null | undefined, lsn: string): boolean {
  return replayed != null && lsnToBigInt(replayed) >= lsnToBigInt(lsn);
}
