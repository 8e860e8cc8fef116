import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

// Files in public/ are served by nginx with a year-long immutable cache, so a file's URL must
// change whenever its content does. The stamp is a short hash of the content: every node of a
// release computes the same one, with nothing to share between them.
const stamps = new Map<string, string>();

function publicFile(publicPath: string): string {
  const normal = path.posix.normalize(publicPath);
  if (!publicPath.startsWith("/") || normal !== publicPath || publicPath.includes("?") || publicPath.endsWith("/")) {
    throw new Error(`assetUrl: "${publicPath}" is not a path to a file in public/ (like "/logo.svg")`);
  }
  return path.join(process.cwd(), "public", normal);
}

/** The URL of a file in public/, stamped with its content: `assetUrl("/logo.svg")` is `/logo.svg?v=3f9a0c1b2d`. */
export function assetUrl(publicPath: string): string {
  let stamp = process.env.NODE_ENV === "production" ? stamps.get(publicPath) : undefined;
  if (stamp === undefined) {
    stamp = createHash("sha256")
      .update(readFileSync(publicFile(publicPath)))
      .digest("hex")
      .slice(0, 10);
    stamps.set(publicPath, stamp);
  }
  return `${publicPath}?v=${stamp}`;
}
