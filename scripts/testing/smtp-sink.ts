import { type AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

export type ReceivedMessage = {
  messageId: string;
  /** The envelope sender (MAIL FROM), which bounces go to. */
  mailFrom: string;
  to: string[];
  subject: string;
  raw: string;
  parse(): Promise<ParsedMail>;
};

export type SmtpSink = {
  url: string;
  /** Messages the sink accepted (answered 250 to DATA). */
  accepted: ReceivedMessage[];
  /** Every RCPT TO it was offered, accepted or not. */
  recipientsOffered: string[];
  /** Every Message-ID it was offered at DATA, accepted or not. */
  dataOffered: string[];
  /** Connection errors: a client that vanished mid-transaction (a SIGKILLed worker: ECONNRESET). */
  errors: Error[];
  close(): Promise<void>;
};

export type SinkOptions = {
  /** Answer 550 to RCPT TO, or 554 after DATA. */
  refuse?: "rcpt" | "data";
  /** Waits this long before answering DATA, so a delivery can be caught in flight. */
  dataDelayMs?: number;
};

function header(raw: string, name: string): string {
  const match = raw.match(new RegExp(`^${name}:\\s*(.+)$`, "im"));
  return match?.[1].trim() ?? "";
}

async function readStream(stream: SMTPServerDataStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A real SMTP server on a free loopback port, for tests of the email worker. */
export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const accepted: ReceivedMessage[] = [];
  const recipientsOffered: string[] = [];
  const dataOffered: string[] = [];
  const errors: Error[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      recipientsOffered.push(address.address);
      if (options.refuse === "rcpt")
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      void readStream(stream).then(async (raw) => {
        const messageId = header(raw, "Message-ID");
        dataOffered.push(messageId);
        if (options.dataDelayMs) await new Promise((r) => setTimeout(r, options.dataDelayMs));
        if (options.refuse === "data")
          return callback(Object.assign(new Error("Message rejected"), { responseCode: 554 }));
        accepted.push({
          messageId,
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header(raw, "Subject"),
          raw,
          // The HTML as sent: an inline image keeps its cid: link (the parser would inline it otherwise).
          parse: () => simpleParser(raw, { keepCidLinks: true }),
        });
        callback();
      });
    },
  });
  // Without a listener, one client's dropped connection would be an unhandled 'error' event that
  // ends the whole process (it crashed a drill run and left its servers running).
  server.on("error", (error) => errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    recipientsOffered,
    dataOffered,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
