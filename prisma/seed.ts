import { PrismaPg } from "@prisma/adapter-pg";
import { addDays, dateColumn, dayKeyOf, dayKeyOfDateColumn, zonedInstant } from "../lib/calendar/zoned";
import {
  createAdmin,
  createQuestionnaireTemplate,
  createStaff,
  createStudio,
  createWorkflowTemplate,
} from "./factories";
import { newRowWithLink } from "../lib/tokens";
import { PrismaClient, type Prisma } from "./generated/prisma/client";
import { seedContracts } from "./seed-contracts";
import {
  DEMO_LOGINS,
  JOBS,
  LEAD_NOTES,
  LEADS,
  MESSAGES,
  NOTIFICATIONS,
  PORTRAITS,
  QUESTIONNAIRE,
  STUDIO_NAME,
  TIME_ZONE,
  WEDDINGS,
  WORKFLOWS,
  EMAIL_WORKFLOW,
  type JobSeed,
} from "./seed-data";

export { DEMO_LOGINS };

// Arbitrary constant: two processes seeding one empty database at once must not both seed it.
const SEED_LOCK_KEY = 72_430_912;

export type SeedResult =
  | { seeded: false }
  | {
      seeded: true;
      studioId: string;
      counts: {
        users: number;
        brands: number;
        leads: number;
        contacts: number;
        jobs: number;
        events: number;
        eventsNextWeek: number;
        workflowTemplates: number;
        tasks: number;
        notifications: number;
        questionnaireTemplates: number;
        questionnaires: number;
        contracts: number;
      };
    };

/** The studio's calendar, `n` days from today in its time zone (lib/calendar/zoned.ts). */
function studioCalendar(now: Date, timeZone: string) {
  const today = dayKeyOf(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    /** The local calendar date `n` days from today, as a `@db.Date` value. */
    date: (n: number) => dateColumn(addDays(today, n)),
    /** The instant of local wall time hh:mm, `n` days from today. */
    at: (n: number, hh: number, mm = 0) => zonedInstant(addDays(today, n), `${pad(hh)}:${pad(mm)}`, timeZone),
  };
}

const firstContactDaysAgo = (j: JobSeed, i: number) => j.lead?.daysAgo ?? 60 - i;
const earliest = (a: Date, b: Date) => (a < b ? a : b);
const hoursLater = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000);

async function seedStudio(tx: Prisma.TransactionClient, now: Date): Promise<Extract<SeedResult, { seeded: true }>> {
  const cal = studioCalendar(now, TIME_ZONE);
  const { studio, owner, brands } = await createStudio(tx, {
    name: STUDIO_NAME,
    timeZone: TIME_ZONE,
    ownerEmail: DEMO_LOGINS.owner.email,
    ownerName: DEMO_LOGINS.owner.name,
    password: DEMO_LOGINS.owner.password,
    brands: [WEDDINGS, PORTRAITS],
  });
  const studioId = studio.id;
  const brandId = (type: JobSeed["type"]) => brands[type === "portrait" ? 1 : 0].id;
  await createStaff(tx, studioId, {
    email: DEMO_LOGINS.staff.email,
    name: DEMO_LOGINS.staff.name,
    password: DEMO_LOGINS.staff.password,
  });

  const contacts = await tx.contact.createManyAndReturn({
    data: JOBS.map((j, i) => ({
      studioId,
      name: j.contact,
      email: j.email,
      phone: j.phone,
      createdAt: cal.at(-firstContactDaysAgo(j, i), 12),
    })),
    select: { id: true, email: true },
  });
  const contactId = new Map(contacts.map((c) => [c.email, c.id]));

  const jobs = await tx.job.createManyAndReturn({
    data: JOBS.map((j, i) => ({
      studioId,
      brandId: brandId(j.type),
      contactId: contactId.get(j.email)!,
      title: j.title,
      type: j.type,
      date: cal.date(j.day),
      status: j.status,
      createdAt: cal.at(-firstContactDaysAgo(j, i) + 1, 10),
    })),
    select: { id: true, title: true },
  });
  const jobId = new Map(jobs.map((j) => [j.title, j.id]));

  const events = JOBS.flatMap((j) =>
    j.events.map((e) => {
      const startsAt = cal.at(e.day, e.hour, e.minute ?? 0);
      return {
        studioId,
        jobId: jobId.get(j.title)!,
        name: e.name,
        startsAt,
        endsAt: hoursLater(startsAt, e.hours),
        location: e.location,
        isShoot: e.isShoot,
      };
    }),
  );
  await tx.event.createMany({ data: events });

  const leads: Prisma.LeadCreateManyInput[] = [
    ...JOBS.filter((j) => j.lead).map((j) => ({
      studioId,
      brandId: brandId(j.type),
      name: j.contact,
      email: j.email,
      phone: j.phone,
      eventType: j.type,
      eventDate: cal.date(j.day),
      message: j.lead!.message,
      status: j.lead!.status,
      jobId: jobId.get(j.title)!,
      createdAt: cal.at(-j.lead!.daysAgo, 9 + (((j.day % 9) + 9) % 9)),
      updatedAt: cal.at(-j.lead!.daysAgo + 2, 11),
    })),
    ...LEADS.map(([first, last, type, status, daysAgo, eventIn], i) => {
      const createdAt =
        daysAgo === 0 ? new Date(now.getTime() - 40 * 60_000) : cal.at(-daysAgo, 8 + (i % 13), (i * 17) % 60);
      return {
        studioId,
        // Every fifth inquiry came through the general form, before a brand was picked.
        brandId: i % 5 === 4 ? null : brandId(type),
        name: `${first} ${last}`,
        email: `${first}.${last}@example.com`.toLowerCase(),
        phone: i % 3 === 2 ? null : `(555) 01${i % 10}-${String(1000 + i * 137).slice(-4)}`,
        eventType: type,
        eventDate: eventIn === null ? null : cal.date(eventIn),
        message: MESSAGES[type][i % MESSAGES[type].length],
        status,
        createdAt,
        updatedAt: status === "NEW" ? createdAt : earliest(hoursLater(createdAt, 20 + (i % 5) * 24), now),
      };
    }),
  ];
  const createdLeads = await tx.lead.createManyAndReturn({
    data: leads,
    select: { id: true, name: true, status: true, createdAt: true },
  });

  const notes = createdLeads
    .filter((l) => l.status === "CONTACTED")
    .slice(0, LEAD_NOTES.length)
    .map((l, i) => ({
      studioId,
      leadId: l.id,
      authorId: owner.id,
      body: LEAD_NOTES[i],
      createdAt: hoursLater(l.createdAt, 26),
    }));
  await tx.leadNote.createMany({ data: notes });

  const templates = new Map<string, { name: string; offsetDays: number }[]>();
  for (const [name, steps] of Object.entries(WORKFLOWS)) {
    await createWorkflowTemplate(tx, { studioId, name, steps });
    templates.set(name, steps);
  }
  await createWorkflowTemplate(tx, { studioId, ...EMAIL_WORKFLOW });

  const tasks: Prisma.TaskCreateManyInput[] = [];
  for (const j of JOBS.filter((job) => job.workflow)) {
    const { name, completedSteps } = j.workflow!;
    let dueDay = j.day;
    templates.get(name)!.forEach((step, position) => {
      dueDay += step.offsetDays;
      const dueAt = cal.at(dueDay, 17);
      tasks.push({
        studioId,
        jobId: jobId.get(j.title)!,
        workflow: name,
        position,
        name: step.name,
        dueAt,
        completedAt: position < completedSteps ? cal.at(Math.min(dueDay - 1, -1), 15) : null,
        createdAt: cal.at(j.day, 20),
      });
    });
  }
  await tx.task.createMany({ data: tasks });

  const { answered, waiting } = QUESTIONNAIRE;
  const questionnaireTemplate = await createQuestionnaireTemplate(tx, {
    studioId,
    name: QUESTIONNAIRE.name,
    questions: QUESTIONNAIRE.questions,
  });
  const sent = {
    studioId,
    templateId: questionnaireTemplate.id,
    title: QUESTIONNAIRE.name,
    questions: QUESTIONNAIRE.questions,
  };
  await tx.questionnaire.createMany({
    data: [
      {
        ...sent,
        jobId: jobId.get(answered.job)!,
        answers: { ...answered.answers, "rehearsal-date": dayKeyOfDateColumn(cal.date(answered.rehearsalDay)) },
        status: "SUBMITTED",
        ...newRowWithLink("questionnaire"),
        sentAt: cal.at(answered.sent.day, answered.sent.hour),
        submittedAt: cal.at(answered.submitted.day, answered.submitted.hour, answered.submitted.minute),
      },
      {
        ...sent,
        jobId: jobId.get(waiting.job)!,
        ...newRowWithLink("questionnaire"),
        sentAt: cal.at(waiting.sent.day, waiting.sent.hour, waiting.sent.minute),
      },
    ],
  });

  const newLeads = createdLeads.filter((l) => l.status === "NEW");
  const contracts = await seedContracts(tx, {
    studioId,
    owner,
    jobs: { nguyen: jobId.get("Nguyen–Walsh Wedding")!, rossi: jobId.get("Rossi–Kim Wedding")! },
    at: cal.at,
  });

  const notifications = [
    ...newLeads.map((l) => ({
      studioId,
      kind: "lead.created",
      message: `You have a new lead from ${l.name}`,
      link: `/leads/${l.id}`,
      createdAt: l.createdAt,
    })),
    ...NOTIFICATIONS.map((n) => ({
      studioId,
      kind: n.kind,
      message: n.message,
      link: `/jobs/${jobId.get(n.job)!}`,
      createdAt: cal.at(n.day, n.hour, n.minute),
    })),
    contracts.notification,
  ];
  const createdNotifications = await tx.notification.createManyAndReturn({
    data: notifications,
    select: { id: true, createdAt: true },
  });
  // Older notifications were already read by the owner, so the bell shows only recent ones.
  await tx.notificationRead.createMany({
    data: createdNotifications
      .filter((n) => n.createdAt.getTime() < now.getTime() - 3 * 86_400_000)
      .map((n) => ({ studioId, notificationId: n.id, userId: owner.id, readAt: hoursLater(n.createdAt, 5) })),
  });

  await createAdmin(tx, {
    email: DEMO_LOGINS.admin.email,
    name: DEMO_LOGINS.admin.name,
    password: DEMO_LOGINS.admin.password,
  });

  const weekEnd = now.getTime() + 7 * 86_400_000;
  return {
    seeded: true,
    studioId,
    counts: {
      users: 3,
      brands: brands.length,
      leads: createdLeads.length,
      contacts: contacts.length,
      jobs: jobs.length,
      events: events.length,
      eventsNextWeek: events.filter((e) => e.startsAt.getTime() >= now.getTime() && e.startsAt.getTime() < weekEnd)
        .length,
      workflowTemplates: templates.size + 1,
      tasks: tasks.length,
      notifications: createdNotifications.length,
      questionnaireTemplates: 1,
      questionnaires: 2,
      contracts: contracts.contracts,
    },
  };
}

/**
 * Creates the demo studio, its logins and a few months of believable activity, only when the
 * database has no studio yet. One transaction, so a failed seed leaves nothing behind.
 */
export async function seedDemo(db: PrismaClient, now = new Date()): Promise<SeedResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.studio.count()) > 0) return { seeded: false } as const;
      return seedStudio(tx, now);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const started = performance.now();
    const result = await seedDemo(db);
    const ms = Math.round(performance.now() - started);
    if (!result.seeded) console.log("database already has a studio; nothing seeded");
    else {
      console.log(`seeded ${STUDIO_NAME} in ${ms} ms`, result.counts);
      for (const login of Object.values(DEMO_LOGINS)) console.log(`  ${login.email} / ${login.password}`);
    }
  } finally {
    await db.$disconnect();
  }
}
