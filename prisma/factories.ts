import { randomBytes, randomInt } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { normalizeEmail } from "../lib/contacts/email-key.ts";
import { newUserIdentity, slugify } from "../lib/studios/identifiers.ts";
import type {
  Brand,
  Contact,
  ContractTemplate,
  Event,
  Import,
  Job,
  Lead,
  Notification,
  Prisma,
  QuestionnaireTemplate,
  Studio,
  Task,
  User,
  WorkflowStepTemplate,
  WorkflowTemplate,
} from "./generated/prisma/client";

export { slugify };

/**
 * Any client for this schema: plain, transaction, or one built with the app's global `omit` or
 * extensions. TypeScript treats those as unrelated types, and factories only use model delegates.
 */
export type FactoryDb = Record<Uncapitalize<Prisma.ModelName>, object>;
type Client = Prisma.TransactionClient;
const client = (db: FactoryDb) => db as unknown as Client;

/** Users come back without the password hash, as the app's client returns them. */
export type FactoryUser = Omit<User, "passwordHash">;

export const TEST_PASSWORD = "shootq-test-password";

export const FIRST_NAMES = [
  "Emma",
  "Olivia",
  "Ava",
  "Sophia",
  "Isabella",
  "Mia",
  "Charlotte",
  "Amelia",
  "Harper",
  "Evelyn",
  "Liam",
  "Noah",
  "Oliver",
  "Elijah",
  "James",
  "William",
  "Benjamin",
  "Lucas",
  "Henry",
  "Theodore",
  "Grace",
  "Chloe",
  "Priya",
  "Mateo",
  "Hannah",
  "Daniel",
  "Adaeze",
  "Marcus",
  "Lily",
  "Ethan",
];
export const LAST_NAMES = [
  "Bennett",
  "Chen",
  "Alvarez",
  "Patel",
  "Morgan",
  "Martinez",
  "Brooks",
  "Nguyen",
  "Walsh",
  "Rossi",
  "Kim",
  "Okafor",
  "Thompson",
  "Lawson",
  "Reyes",
  "Sullivan",
  "Hart",
  "Foster",
  "Diaz",
  "Fischer",
  "Caldwell",
  "Park",
  "Reid",
  "Lindqvist",
  "Ellis",
  "Moreau",
  "Kowalski",
  "Hughes",
  "Sato",
  "Bianchi",
];
export const STUDIO_NAMES = [
  "Golden Hour Studio",
  "Northlight Photography",
  "Wildflower Weddings",
  "Harbor & Pine Photo",
  "Silver Birch Portraits",
  "Quiet Coast Photography",
  "Field & Frame",
  "Ember Lane Studio",
];
export const EVENT_TYPES = ["wedding", "portrait", "event", "commercial"] as const;
export const LOCATIONS = [
  "The Foundry, Long Island City",
  "Brooklyn Botanic Garden",
  "Prospect Park Boathouse",
  "Central Park Conservatory Garden",
  "Wave Hill, Bronx",
  "The Studio, 41 Orchard St",
  "Liberty House, Jersey City",
  "Hudson Valley Barn, Kingston",
];

export const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)];
export const randomSuffix = () => randomBytes(4).toString("hex");
export const newToken = () => randomBytes(24).toString("base64url");

export function randomPerson() {
  const first = pick(FIRST_NAMES);
  const last = pick(LAST_NAMES);
  // The suffix keeps emails unique when tests run in parallel against one database.
  return { name: `${first} ${last}`, email: `${first}.${last}.${randomSuffix()}@example.com`.toLowerCase() };
}

export const randomPhone = () => `(555) 01${randomInt(10)}-${String(randomInt(10_000)).padStart(4, "0")}`;

const days = (n: number, from = new Date()) => new Date(from.getTime() + n * 86_400_000);

/** A calendar date as Prisma stores `@db.Date`: midnight UTC. */
export function dateOnly(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

type UserOptions = { email?: string; name?: string; password?: string };

// argon2 is slow on purpose; tests make hundreds of users with a handful of passwords.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hash(password));
  return hashes.get(password)!;
};

async function insertUser(
  db: FactoryDb,
  data: { studioId: string | null; role: User["role"] } & UserOptions,
): Promise<{ user: FactoryUser; password: string }> {
  const person = randomPerson();
  const password = data.password ?? TEST_PASSWORD;
  const user = await client(db).user.create({
    data: {
      studioId: data.studioId,
      role: data.role,
      email: (data.email ?? person.email).toLowerCase(),
      name: data.name ?? person.name,
      passwordHash: await hashOnce(password),
      ...newUserIdentity(),
      // Test and demo accounts start confirmed, as if they had opened the welcome email.
      emailVerifiedAt: new Date(),
    },
    omit: { passwordHash: true },
  });
  return { user, password };
}

export type CreateStudioOptions = {
  name?: string;
  timeZone?: string;
  ownerEmail?: string;
  ownerName?: string;
  password?: string;
  /** Brand names; defaults to one brand named after the studio, as sign-up does. */
  brands?: string[];
};

export async function createStudio(
  db: FactoryDb,
  options: CreateStudioOptions = {},
): Promise<{ studio: Studio; owner: FactoryUser; brands: Brand[]; password: string }> {
  const name = options.name ?? `${pick(STUDIO_NAMES)} ${randomSuffix()}`;
  const studio = await client(db).studio.create({
    data: { name, slug: slugify(name), ...(options.timeZone ? { timeZone: options.timeZone } : {}) },
  });
  const brands: Brand[] = [];
  for (const brandName of options.brands ?? [name]) {
    brands.push(await client(db).brand.create({ data: { studioId: studio.id, name: brandName } }));
  }
  const { user: owner, password } = await insertUser(db, {
    studioId: studio.id,
    role: "OWNER",
    email: options.ownerEmail,
    name: options.ownerName,
    password: options.password,
  });
  return { studio, owner, brands, password };
}

export function createStaff(db: FactoryDb, studioId: string, options: UserOptions = {}) {
  return insertUser(db, { ...options, studioId, role: "STAFF" });
}

/** A platform admin belongs to no studio. */
export function createAdmin(db: FactoryDb, options: UserOptions = {}) {
  return insertUser(db, { ...options, studioId: null, role: "ADMIN" });
}

async function firstBrandId(db: FactoryDb, studioId: string): Promise<string> {
  const brand = await client(db).brand.findFirst({
    where: { studioId },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!brand) throw new Error(`studio ${studioId} has no brand; create it with createStudio`);
  return brand.id;
}

type Overrides<T, Required extends keyof T> = Pick<T, Required> & Partial<Omit<T, Required>>;

export type LeadInput = Overrides<Prisma.LeadUncheckedCreateInput, "studioId">;

const INQUIRY_MESSAGES: Record<(typeof EVENT_TYPES)[number], string[]> = {
  wedding: [
    "We just got engaged and love your work! Are you available for our date?",
    "Our venue recommended you. Could you send pricing for full-day coverage?",
  ],
  portrait: [
    "Looking for a family session this fall, ideally outdoors. What packages do you offer?",
    "I'd love senior portraits for my daughter before graduation.",
  ],
  event: ["We're hosting a 200-guest fundraiser and need evening coverage."],
  commercial: ["Our team needs updated headshots and a few brand images for the website."],
};

export function createLead(db: FactoryDb, input: LeadInput): Promise<Lead> {
  const person = randomPerson();
  const eventType = (input.eventType ?? pick(EVENT_TYPES)) as (typeof EVENT_TYPES)[number];
  return client(db).lead.create({
    data: {
      name: person.name,
      email: person.email,
      phone: randomPhone(),
      eventType,
      eventDate: dateOnly(days(30 + randomInt(240))),
      message: pick(INQUIRY_MESSAGES[eventType] ?? INQUIRY_MESSAGES.wedding),
      ...input,
    },
  });
}

export type ContactInput = Overrides<Prisma.ContactUncheckedCreateInput, "studioId">;

export function createContact(db: FactoryDb, input: ContactInput): Promise<Contact> {
  const person = randomPerson();
  const email = input.email === undefined ? person.email : input.email;
  return client(db).contact.create({
    data: { name: person.name, phone: randomPhone(), ...input, email, emailNormalized: normalizeEmail(email) },
  });
}

export type JobInput = Overrides<Prisma.JobUncheckedCreateInput, "studioId"> & {
  /** Fields for the contact created when no contactId is given. */
  contact?: Partial<Omit<ContactInput, "studioId">>;
};

export async function createJob(db: FactoryDb, input: JobInput): Promise<Job & { contact: Contact }> {
  const { contact: contactFields, ...fields } = input;
  const brandId = fields.brandId ?? (await firstBrandId(db, fields.studioId));
  const contactId = fields.contactId ?? (await createContact(db, { studioId: fields.studioId, ...contactFields })).id;
  const type = fields.type ?? pick(EVENT_TYPES);
  const contact = await client(db).contact.findUniqueOrThrow({ where: { id: contactId } });
  const lastName = contact.name.split(" ").at(-1) ?? contact.name;
  return client(db).job.create({
    data: {
      title: `${lastName} ${type[0].toUpperCase()}${type.slice(1)}`,
      type,
      date: dateOnly(days(14 + randomInt(120))),
      status: "BOOKED",
      ...fields,
      brandId,
      contactId,
    },
    include: { contact: true },
  });
}

export type EventInput = Overrides<Prisma.EventUncheckedCreateInput, "studioId" | "jobId">;

export function createEvent(db: FactoryDb, input: EventInput): Promise<Event> {
  const startsAt = input.startsAt ? new Date(input.startsAt) : days(7);
  return client(db).event.create({
    data: {
      name: "Engagement session",
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      location: pick(LOCATIONS),
      isShoot: true,
      ...input,
      startsAt,
    },
  });
}

export type TaskInput = Overrides<Prisma.TaskUncheckedCreateInput, "studioId" | "jobId">;

export function createTask(db: FactoryDb, input: TaskInput): Promise<Task> {
  return client(db).task.create({
    data: { workflow: "Leather Album", position: 0, name: "Album Design", dueAt: days(7), ...input },
  });
}

export type NotificationInput = Overrides<Prisma.NotificationUncheckedCreateInput, "studioId">;

export function createNotification(db: FactoryDb, input: NotificationInput): Promise<Notification> {
  return client(db).notification.create({
    data: { kind: "lead.created", message: `You have a new lead from ${randomPerson().name}`, ...input },
  });
}

export type WorkflowStepInput = {
  name: string;
  offsetDays: number;
  anchor?: WorkflowStepTemplate["anchor"];
  /** An email to the job's client: its subject and message (smart fields and all). */
  email?: { subject: string; body: string };
};

/** Steps are positioned in order; the first defaults to the job date, the rest to the previous step. */
export function createWorkflowTemplate(
  db: FactoryDb,
  input: { studioId: string; name?: string; steps?: WorkflowStepInput[] },
): Promise<WorkflowTemplate & { steps: WorkflowStepTemplate[] }> {
  const steps = input.steps ?? [
    { name: "Album Design", offsetDays: 14 },
    { name: "Client Approves Design", offsetDays: 7 },
    { name: "Place order for Product", offsetDays: 3 },
  ];
  return client(db).workflowTemplate.create({
    data: {
      studioId: input.studioId,
      name: input.name ?? "Leather Album",
      steps: {
        create: steps.map((step, position) => ({
          position,
          name: step.name,
          offsetDays: step.offsetDays,
          anchor: step.anchor ?? (position === 0 ? "JOB_DATE" : "PREVIOUS_STEP"),
          ...(step.email
            ? { kind: "EMAIL" as const, emailSubject: step.email.subject, emailBody: step.email.body }
            : {}),
        })),
      },
    },
    include: { steps: { orderBy: { position: "asc" } } },
  });
}

export type Question = {
  id: string;
  kind: "short" | "long" | "choice" | "date";
  label: string;
  options?: string[];
};

export function createQuestionnaireTemplate(
  db: FactoryDb,
  input: { studioId: string; name?: string; questions?: Question[] },
): Promise<QuestionnaireTemplate> {
  const questions: Question[] = input.questions ?? [
    { id: "venue", kind: "short", label: "Venue name and address" },
    {
      id: "first-look",
      kind: "choice",
      label: "Are you planning a first look?",
      options: ["Yes", "No", "Not sure yet"],
    },
  ];
  return client(db).questionnaireTemplate.create({
    data: { studioId: input.studioId, name: input.name ?? "Wedding day details", questions },
  });
}

/** A contract template using most smart fields and one custom field, as a photographer writes one. */
export const CONTRACT_TEMPLATE_BODY = [
  "<h1>Wedding Photography Agreement</h1>",
  "<p>This agreement is made on {{today}} between <strong>{{studio.name}}</strong> ({{brand.name}}) and <strong>{{client.name}}</strong> for {{job.title}} on {{job.date}} at {{event.location}}.</p>",
  "<h2>Fees</h2>",
  "<ul><li>Total fee: {{proposal.total}}</li><li>Retainer due on signing: {{proposal.deposit}}</li></ul>",
  "<h2>Coverage</h2>",
  "<p>Coverage includes {{custom.coverage_hours}} hours. {{client.first_name}}, please read every clause before signing.</p>",
  "<ol><li>The retainer is non-refundable.</li><li>Images are delivered within <em>eight weeks</em>.</li></ol>",
].join("");

export function createContractTemplate(
  db: FactoryDb,
  input: { studioId: string; name?: string; body?: string; brandId?: string | null; authorId?: string | null },
): Promise<ContractTemplate> {
  return client(db).contractTemplate.create({
    data: {
      studioId: input.studioId,
      brandId: input.brandId ?? null,
      name: input.name ?? "Wedding Photography Agreement",
      versions: {
        create: {
          number: 1,
          body: input.body ?? CONTRACT_TEMPLATE_BODY,
          authorId: input.authorId ?? null,
        },
      },
    },
  });
}

export type ImportInput = Overrides<Prisma.ImportUncheckedCreateInput, "studioId"> & {
  /** The file's rows under a "Name,Email" header. */
  rows?: [string, string][];
};

/** A CSV import of clients as uploaded (READY), or in any later state given by `status`. */
export function createImportFile(db: FactoryDb, { rows, ...input }: ImportInput): Promise<Import> {
  const lines = rows ?? [["Imported Client", `imported-${randomSuffix()}@example.com`]];
  const text = ["Name,Email", ...lines.map((r) => r.join(","))].join("\r\n");
  return client(db).import.create({
    data: {
      kind: "CLIENTS",
      fileName: "clients.csv",
      data: new Uint8Array(Buffer.from(text)),
      sizeBytes: Buffer.byteLength(text),
      header: ["Name", "Email"],
      preview: lines.slice(0, 5),
      rowCount: lines.length,
      mapping: ["name", "email"],
      ...input,
    },
  });
}
