/** PostgreSQL WAL positions ("16/B374D848") as numbers that compare and subtract. */
export function lsnToBigInt(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export function maxLsn(a: string, b: string): string {
  return lsnToBigInt(a) >= lsnToBigInt(b) ? a : b;
}
