import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSides, type Side } from "./against.ts";

// Two servers in processes of their own, one doing three times the work of the other for each
// request: the comparison must tell which one is cheaper, by its CPU time and by its rate.
const SERVER = `
const http = require("node:http");
const { pbkdf2Sync } = require("node:crypto");
const units = Number(process.argv[1]);
http.createServer((req, res) => {
  if (req.url === "/missing") { res.writeHead(404); res.end(); return; }
  // A fixed amount of work (about 1.7 ms of CPU a unit here), however busy the machine is.
  for (let i = 0; i < units; i++) pbkdf2Sync("page", "salt", 3000, 32, "sha256");
  res.end("page");
}).listen(0, "127.0.0.1", function () { console.log(this.address().port); });
`;

const children: ChildProcess[] = [];
async function server(units: number): Promise<Side> {
  const child = spawn(process.execPath, ["-e", SERVER, String(units)], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, pid: child.pid! };
}

let cheap: Side;
let dear: Side;
beforeAll(async () => {
  [cheap, dear] = await Promise.all([server(1), server(3)]);
});
afterAll(() => children.forEach((c) => c.kill()));

describe("this build beside a previous one", () => {
  it("measures both sides in alternating cells and says which costs less per request", async () => {
    const lines: string[] = [];
    const pages = await compareSides({
      thisBuild: cheap,
      previous: dear,
      pages: [
        { name: "page", path: "/page", headers: {} },
        { name: "gone", path: "/missing", headers: {} },
      ],
      connections: 2,
      rounds: 2,
      durationSec: 1,
      log: (l) => lines.push(l),
    });
    const [page, gone] = pages;
    expect(page.thisBuild!.cells).toHaveLength(2);
    expect(page.previous!.cells).toHaveLength(2);
    // One unit of work against three per request, plus each server's own overhead.
    expect(page.previous!.cpuMsPerRequest).toBeGreaterThan(2 * page.thisBuild!.cpuMsPerRequest);
    expect(page.thisBuild!.cpuMsPerRequest).toBeGreaterThan(0);
    expect(page.thisBuild!.rps).toBeGreaterThan(page.previous!.rps);
    // A page one side does not have is named, not measured.
    expect(gone).toEqual({
      scenario: "gone",
      path: "/missing",
      skipped: "answered 404 on this build, 404 on the previous one",
    });
    expect(lines.join("\n")).toContain("gone           not compared");
  });
});
