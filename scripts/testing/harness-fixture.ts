// A harness for lifecycle.test.ts: starts real pieces (PostgreSQL primary + replica, the maildev
// sink, an in-process SMTP sink), prints what it started, then fails the way argv[2] says.
import net from "node:net";
import { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { runHarness } from "../lib/harness.ts";
import { scratchDir } from "../lib/lifecycle.ts";
import { startMailSink } from "../lib/mail-sink.ts";
import { freePort } from "../lib/processes.ts";
import { startSmtpSink } from "./smtp-sink.ts";

const mode = process.argv[2] as "throw" | "reject" | "smtp-reset";

/** A client that vanishes in the middle of a mail transaction, as a SIGKILLed worker does. */
async function dropConnectionMidTransaction(port: number): Promise<void> {
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => {});
  const said = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      let text = "";
      const onData = (chunk: Buffer) => {
        text += chunk.toString();
        if (pattern.test(text)) {
          socket.off("data", onData);
          resolve();
        }
      };
      socket.on("data", onData);
    });
  await said(/^220 /m);
  socket.write("EHLO crash.test\r\n");
  await said(/^250 /m);
  socket.write("MAIL FROM:<a@crash.test>\r\n");
  await said(/^250 /m);
  socket.resetAndDestroy();
}

await runHarness({ name: "fixture" }, async (log) => {
  const dir = scratchDir("shootq-harness-test").path;
  const db = await startEmbeddedPostgres({ dir, primaryPort: await freePort(), replicaPorts: [await freePort()] });
  const mail = await startMailSink({ log, smtpPort: await freePort(), webPort: await freePort(), useSmtpUrl: false });
  const sink = await startSmtpSink();
  const ports = [db.primaryUrl, ...db.replicaUrls, mail.smtpUrl, mail.webUrl!].map((u) => Number(new URL(u).port));
  console.log(`STARTED ${JSON.stringify({ dir, ports, pids: [mail.service!.child.pid] })}`);
  if (mode === "throw") {
    setTimeout(() => {
      throw new Error("boom: thrown inside the harness");
    }, 50);
  } else if (mode === "reject") {
    setTimeout(() => void Promise.reject(new Error("boom: a rejection nobody handled")), 50);
  } else {
    await dropConnectionMidTransaction(Number(new URL(sink.url).port));
    await new Promise((r) => setTimeout(r, 300));
    console.log(`SINK ERRORS ${sink.errors.length}`);
  }
  return "serve";
});
