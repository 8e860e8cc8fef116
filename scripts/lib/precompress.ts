import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|map|ico|webmanifest)$/;
const MIN_BYTES = 1024;

/**
 * Writes `<file>.gz` beside every compressible file under `dir`, so nginx's gzip_static sends
 * the best compression without spending CPU per request. Returns how many files were written.
 */
export function precompress(dir: string): number {
  let written = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) written += precompress(file);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name) && statSync(file).size >= MIN_BYTES) {
      writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }));
      written++;
    }
  }
  return written;
}
