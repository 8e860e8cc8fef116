import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type JobStatus, type LeadStatus, type Prisma } from "./generated/prisma/client";
import {
  createAdmin,
  createQuestionnaireTemplate,
  createStaff,
  createStudio,
  createWorkflowTemplate,
  newToken,
  type Question,
} from "./factories";

export const DEMO_LOGINS = {
  owner: { email: "demo@shootq.local", password: "shootq-demo-2026", name: "Maya Lindqvist" },
  staff: { email: "staff@shootq.local", password: "shootq-demo-2026", name: "Jordan Ellis" },
  admin: { email: "admin@shootq.local", password: "shootq-admin-2026", name: "ShootQ Admin" },
} as const;

const STUDIO_NAME = "Lumen & Lace Photography";
const TIME_ZONE = "America/New_York";
const WEDDINGS = "Lumen & Lace Weddings";
const PORTRAITS = "Little Lumen Portraits";
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
      };
    };

/** Calendar arithmetic in the studio's time zone, so demo shoots start at sensible local hours. */
function studioCalendar(now: Date, timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const offsetMs = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return wall - Math.floor(instant / 1000) * 1000;
  };
  const today = new Date(now.getTime() + offsetMs(now.getTime()));
  const [y, m, d] = [today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()];
  return {
    /** The local calendar date `n` days from today, as a `@db.Date` value. */
    date: (n: number) => new Date(Date.UTC(y, m, d + n)),
    /** The instant of local wall time hh:mm, `n` days from today. */
    at(n: number, hh: number, mm = 0) {
      const wall = Date.UTC(y, m, d + n, hh, mm);
      const first = wall - offsetMs(wall);
      return new Date(wall - offsetMs(first));
    },
  };
}

type JobSeed = {
  contact: string;
  email: string;
  phone: string;
  title: string;
  type: "wedding" | "portrait" | "event" | "commercial";
  day: number;
  status: JobStatus;
  events: { name: string; day: number; hour: number; minute?: number; hours: number; isShoot: boolean; location: string }[];
  workflow?: { name: "Leather Album" | "Portrait Prints"; completedSteps: number };
  lead?: { status: LeadStatus; daysAgo: number; message: string };
};

const STUDIO = "Lumen & Lace Studio, 41 Orchard St, New York";

// Days are relative to today in the studio's zone: past jobs carry workflow tasks, and several
// events fall in the next seven days so the dashboard's week view is never empty.
const JOBS: JobSeed[] = [
  {
    contact: "Harper Bennett", email: "harper.bennett@example.com", phone: "(555) 010-2231",
    title: "Bennett–Alvarez Wedding", type: "wedding", day: -58, status: "COMPLETED",
    events: [
      { name: "Wedding day", day: -58, hour: 14, hours: 9, isShoot: true, location: "Liberty House, Jersey City" },
      { name: "Sales session", day: -30, hour: 18, hours: 1.5, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Leather Album", completedSteps: 2 },
    lead: { status: "BOOKED", daysAgo: 88, message: "We're getting married at Liberty House and adore your candid style!" },
  },
  {
    contact: "Olivia Chen", email: "olivia.chen@example.com", phone: "(555) 010-4418",
    title: "Chen Family Portraits", type: "portrait", day: -45, status: "COMPLETED",
    events: [
      { name: "Family session", day: -45, hour: 10, hours: 1.5, isShoot: true, location: "Prospect Park Boathouse" },
      { name: "Sales session", day: -38, hour: 18, minute: 30, hours: 1, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Portrait Prints", completedSteps: 3 },
    lead: { status: "BOOKED", daysAgo: 70, message: "Hoping to get fall family photos with our two kids and the dog." },
  },
  {
    contact: "Marcus Reid", email: "marcus.reid@example.com", phone: "(555) 010-7782",
    title: "Hudson Valley Tech Gala", type: "event", day: -40, status: "COMPLETED",
    events: [{ name: "Event coverage", day: -40, hour: 18, hours: 4, isShoot: true, location: "The Foundry, Long Island City" }],
  },
  {
    contact: "Priya Patel", email: "priya.patel@example.com", phone: "(555) 010-3391",
    title: "Patel–Morgan Wedding", type: "wedding", day: -24, status: "COMPLETED",
    events: [
      { name: "Wedding day", day: -24, hour: 13, hours: 10, isShoot: true, location: "Brooklyn Botanic Garden" },
      { name: "Sales session", day: 2, hour: 18, hours: 1.5, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Leather Album", completedSteps: 1 },
    lead: { status: "BOOKED", daysAgo: 84, message: "Two-day celebration with a sangeet the night before. Do you cover both?" },
  },
  {
    contact: "Sofia Martinez", email: "sofia.martinez@example.com", phone: "(555) 010-6120",
    title: "Martinez Newborn Session", type: "portrait", day: -12, status: "COMPLETED",
    events: [
      { name: "Newborn session", day: -12, hour: 10, hours: 2, isShoot: true, location: "Client's home, Park Slope" },
      { name: "Sales session", day: 4, hour: 17, minute: 30, hours: 1, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Portrait Prints", completedSteps: 1 },
    lead: { status: "BOOKED", daysAgo: 60, message: "Baby is due next month and we'd love a newborn session." },
  },
  {
    contact: "Daniel Brewster", email: "daniel.brewster@example.com", phone: "(555) 010-9034",
    title: "Brewster & Co. Team Headshots", type: "commercial", day: -5, status: "COMPLETED",
    events: [{ name: "Headshot session", day: -5, hour: 9, hours: 3, isShoot: true, location: "Brewster & Co., 200 Varick St" }],
    workflow: { name: "Portrait Prints", completedSteps: 0 },
  },
  {
    contact: "Grace Nguyen", email: "grace.nguyen@example.com", phone: "(555) 010-5547",
    title: "Nguyen–Walsh Wedding", type: "wedding", day: 6, status: "BOOKED",
    events: [
      { name: "Rehearsal dinner", day: 5, hour: 18, hours: 2, isShoot: true, location: "Wave Hill, Bronx" },
      { name: "Wedding day", day: 6, hour: 13, hours: 10, isShoot: true, location: "Wave Hill, Bronx" },
    ],
    lead: { status: "BOOKED", daysAgo: 89, message: "Our wedding is at Wave Hill this season. Is the date still open?" },
  },
  {
    contact: "Adaeze Okafor", email: "adaeze.okafor@example.com", phone: "(555) 010-2876",
    title: "Okafor Family Portraits", type: "portrait", day: 1, status: "BOOKED",
    events: [{ name: "Family session", day: 1, hour: 16, minute: 30, hours: 1.5, isShoot: true, location: "Central Park Conservatory Garden" }],
    lead: { status: "BOOKED", daysAgo: 21, message: "Grandparents are visiting from Lagos and we want a three-generation portrait." },
  },
  {
    contact: "Ellen Park", email: "ellen.park@example.com", phone: "(555) 010-4409",
    title: "Riverside Library Fundraiser", type: "event", day: 3, status: "BOOKED",
    events: [{ name: "Event coverage", day: 3, hour: 18, hours: 3, isShoot: true, location: "Riverside Library, Upper West Side" }],
  },
  {
    contact: "Isabella Rossi", email: "isabella.rossi@example.com", phone: "(555) 010-8163",
    title: "Rossi–Kim Wedding", type: "wedding", day: 45, status: "BOOKED",
    events: [
      { name: "Engagement session", day: 5, hour: 17, minute: 30, hours: 1.5, isShoot: true, location: "DUMBO waterfront" },
      { name: "Wedding day", day: 45, hour: 15, hours: 8, isShoot: true, location: "The Foundry, Long Island City" },
    ],
    lead: { status: "BOOKED", daysAgo: 52, message: "Intimate wedding, about 60 guests, industrial venue. Love your film-style edits!" },
  },
  {
    contact: "Ava Thompson", email: "ava.thompson@example.com", phone: "(555) 010-3025",
    title: "Thompson Senior Portraits", type: "portrait", day: 20, status: "BOOKED",
    events: [{ name: "Senior session", day: 20, hour: 15, hours: 1.5, isShoot: true, location: "Brooklyn Bridge Park" }],
    lead: { status: "BOOKED", daysAgo: 33, message: "Senior portraits for my son, he'd like a few with his guitar." },
  },
  {
    contact: "Chloe Lawson", email: "chloe.lawson@example.com", phone: "(555) 010-7350",
    title: "Lawson–Reyes Wedding", type: "wedding", day: 95, status: "BOOKED",
    events: [
      { name: "Engagement session", day: 30, hour: 17, hours: 1.5, isShoot: true, location: "Central Park, Bow Bridge" },
      { name: "Wedding day", day: 95, hour: 14, hours: 9, isShoot: true, location: "Hudson Valley Barn, Kingston" },
    ],
    lead: { status: "BOOKED", daysAgo: 40, message: "Barn wedding upstate! Do you travel to Kingston?" },
  },
  {
    contact: "Hannah Fischer", email: "hannah.fischer@example.com", phone: "(555) 010-1198",
    title: "Maple & Main Bakery Brand Shoot", type: "commercial", day: 60, status: "PROPOSED",
    events: [{ name: "Product shoot", day: 60, hour: 8, hours: 4, isShoot: true, location: "Maple & Main Bakery, Astoria" }],
    lead: { status: "PROPOSAL_SENT", daysAgo: 9, message: "New menu launch: we need product shots and a few of the team at work." },
  },
  {
    contact: "Megan Sullivan", email: "megan.sullivan@example.com", phone: "(555) 010-6642",
    title: "Sullivan–Hart Wedding", type: "wedding", day: 140, status: "PROPOSED",
    events: [
      { name: "Consultation", day: 9, hour: 19, hours: 1, isShoot: false, location: "Video call" },
      { name: "Wedding day", day: 140, hour: 12, hours: 10, isShoot: true, location: "Montauk Lighthouse" },
    ],
    lead: { status: "PROPOSAL_SENT", daysAgo: 14, message: "Beach wedding in Montauk next spring. Would love to chat!" },
  },
  {
    contact: "Lily Foster", email: "lily.foster@example.com", phone: "(555) 010-2290",
    title: "Foster–Diaz Wedding", type: "wedding", day: 178, status: "LEAD",
    events: [{ name: "Wedding day", day: 178, hour: 16, hours: 7, isShoot: true, location: "The Green Building, Brooklyn" }],
  },
];

const WORKFLOWS = {
  "Leather Album": [
    { name: "Album Design", offsetDays: 14 },
    { name: "Client Approves Design", offsetDays: 7 },
    { name: "Place order for Product", offsetDays: 3 },
  ],
  "Portrait Prints": [
    { name: "Cull and edit gallery", offsetDays: 7 },
    { name: "Deliver online gallery", offsetDays: 3 },
    { name: "Place print order", offsetDays: 7 },
  ],
};

// Leads not tied to a job: [first, last, type, status, days ago, event in days].
const LEADS: [string, string, JobSeed["type"], LeadStatus, number, number | null][] = [
  ["Jane", "Doe", "wedding", "NEW", 0, 210],
  ["Emma", "Caldwell", "wedding", "NEW", 1, 330],
  ["Noah", "Hughes", "portrait", "NEW", 1, 25],
  ["Mia", "Kowalski", "wedding", "NEW", 2, 270],
  ["Lucas", "Moreau", "commercial", "NEW", 3, 40],
  ["Charlotte", "Sato", "portrait", "NEW", 5, 18],
  ["Amelia", "Bianchi", "wedding", "NEW", 6, 300],
  ["Henry", "Walsh", "event", "NEW", 8, 55],
  ["Evelyn", "Reyes", "wedding", "CONTACTED", 4, 250],
  ["Oliver", "Park", "portrait", "CONTACTED", 11, 30],
  ["Sophia", "Diaz", "wedding", "CONTACTED", 16, 190],
  ["James", "Whitaker", "event", "CONTACTED", 19, 70],
  ["Chloe", "Hart", "portrait", "CONTACTED", 23, null],
  ["Benjamin", "Fischer", "commercial", "CONTACTED", 28, 45],
  ["Isabella", "Kim", "wedding", "CONTACTED", 35, 280],
  ["Theodore", "Morgan", "wedding", "CONTACTED", 47, 160],
  ["Ava", "Brooks", "portrait", "PROPOSAL_SENT", 7, 21],
  ["William", "Chen", "wedding", "PROPOSAL_SENT", 18, 230],
  ["Grace", "Alvarez", "event", "PROPOSAL_SENT", 26, 35],
  ["Elijah", "Thompson", "wedding", "PROPOSAL_SENT", 38, 200],
  ["Harper", "Okafor", "portrait", "PROPOSAL_SENT", 55, 12],
  ["Liam", "Sullivan", "wedding", "LOST", 15, 150],
  ["Olivia", "Foster", "portrait", "LOST", 29, null],
  ["Daniel", "Rossi", "commercial", "LOST", 41, -10],
  ["Priya", "Nguyen", "wedding", "LOST", 50, 120],
  ["Marcus", "Bennett", "event", "LOST", 58, -20],
  ["Hannah", "Lawson", "wedding", "LOST", 66, 180],
  ["Ethan", "Patel", "portrait", "LOST", 74, -40],
  ["Lily", "Martinez", "wedding", "LOST", 81, 240],
  ["Mateo", "Garcia", "wedding", "CONTACTED", 86, 260],
];

const MESSAGES: Record<JobSeed["type"], string[]> = {
  wedding: [
    "We just got engaged and love your work! Are you available for our date?",
    "Our planner recommended you. Could you send pricing for full-day coverage with a second shooter?",
    "Small courthouse ceremony followed by dinner with family. Do you offer a half-day package?",
  ],
  portrait: [
    "Looking for a family session outdoors, ideally golden hour. What packages do you offer?",
    "I'd love maternity photos in the next few weeks.",
    "Could we book a headshot and a few personal branding portraits?",
  ],
  event: [
    "We're hosting a 150-guest fundraiser and need evening coverage.",
    "Company holiday party: about three hours of candids and a step-and-repeat.",
  ],
  commercial: [
    "Our team needs updated headshots and a handful of office images for the website.",
    "Looking for product photography for a spring catalog, about 40 items.",
  ],
};

const QUESTIONS: Question[] = [
  { id: "ceremony-venue", kind: "short", label: "Ceremony venue and address" },
  { id: "reception-venue", kind: "short", label: "Reception venue and address" },
  { id: "ceremony-start", kind: "short", label: "What time does the ceremony start?" },
  { id: "rehearsal-date", kind: "date", label: "Rehearsal date" },
  { id: "first-look", kind: "choice", label: "Are you planning a first look?", options: ["Yes", "No", "Not sure yet"] },
  { id: "coordinator", kind: "short", label: "Day-of coordinator name and phone" },
  { id: "family-groups", kind: "long", label: "Family photo groupings you'd like, in order" },
  { id: "notes", kind: "long", label: "Anything else we should know?" },
];

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
  await createStaff(tx, studioId, { email: DEMO_LOGINS.staff.email, name: DEMO_LOGINS.staff.name, password: DEMO_LOGINS.staff.password });

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
      createdAt: cal.at(-j.lead!.daysAgo, 9 + (j.day % 9 + 9) % 9),
      updatedAt: cal.at(-j.lead!.daysAgo + 2, 11),
    })),
    ...LEADS.map(([first, last, type, status, daysAgo, eventIn], i) => {
      const createdAt = daysAgo === 0 ? new Date(now.getTime() - 40 * 60_000) : cal.at(-daysAgo, 8 + (i % 13), (i * 17) % 60);
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
    .slice(0, 4)
    .map((l, i) => ({
      studioId,
      leadId: l.id,
      authorId: owner.id,
      body: [
        "Left a voicemail, following up by email on Friday.",
        "Sent the wedding pricing guide. They're touring venues this month.",
        "Call booked for next week to talk through coverage hours.",
        "Asked about albums; sent the Leather Album samples.",
      ][i],
      createdAt: hoursLater(l.createdAt, 26),
    }));
  await tx.leadNote.createMany({ data: notes });

  const templates = new Map<string, { name: string; offsetDays: number }[]>();
  for (const [name, steps] of Object.entries(WORKFLOWS)) {
    await createWorkflowTemplate(tx, { studioId, name, steps });
    templates.set(name, steps);
  }

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

  const questionnaireTemplate = await createQuestionnaireTemplate(tx, {
    studioId,
    name: "Wedding day details",
    questions: QUESTIONS,
  });
  const nguyen = jobId.get("Nguyen–Walsh Wedding")!;
  const rossi = jobId.get("Rossi–Kim Wedding")!;
  await tx.questionnaire.createMany({
    data: [
      {
        studioId,
        jobId: nguyen,
        templateId: questionnaireTemplate.id,
        title: "Wedding day details",
        questions: QUESTIONS,
        answers: {
          "ceremony-venue": "Wave Hill, 4900 Independence Ave, Bronx",
          "reception-venue": "Wave House at Wave Hill",
          "ceremony-start": "4:30 pm",
          "rehearsal-date": cal.date(5).toISOString().slice(0, 10),
          "first-look": "Yes",
          coordinator: "Dana Whitfield, (555) 010-3300",
          "family-groups": "Grace + parents; Grace + Tom + both families; grandparents; cousins (quick!)",
          notes: "Tom's grandmother uses a wheelchair, so please keep family photos near the terrace.",
        },
        status: "SUBMITTED",
        token: newToken(),
        sentAt: cal.at(-20, 10),
        submittedAt: cal.at(-3, 21, 15),
      },
      {
        studioId,
        jobId: rossi,
        templateId: questionnaireTemplate.id,
        title: "Wedding day details",
        questions: QUESTIONS,
        token: newToken(),
        sentAt: cal.at(-2, 9, 30),
      },
    ],
  });

  const newLeads = createdLeads.filter((l) => l.status === "NEW");
  const notifications = [
    ...newLeads.map((l) => ({
      studioId,
      kind: "lead.created",
      message: `You have a new lead from ${l.name}`,
      link: `/leads/${l.id}`,
      createdAt: l.createdAt,
    })),
    {
      studioId,
      kind: "questionnaire.submitted",
      message: "Grace Nguyen submitted Wedding day details",
      link: `/jobs/${nguyen}`,
      createdAt: cal.at(-3, 21, 15),
    },
    {
      studioId,
      kind: "task.overdue",
      message: "Client Approves Design for Patel–Morgan Wedding is overdue",
      link: `/jobs/${jobId.get("Patel–Morgan Wedding")!}`,
      createdAt: cal.at(-2, 17),
    },
  ];
  const createdNotifications = await tx.notification.createManyAndReturn({
    data: notifications,
    select: { id: true, createdAt: true },
  });
  // Older notifications were already read by the owner, so the bell shows only recent ones.
  await tx.notificationRead.createMany({
    data: createdNotifications
      .filter((n) => n.createdAt.getTime() < now.getTime() - 3 * 86_400_000)
      .map((n) => ({ notificationId: n.id, userId: owner.id, readAt: hoursLater(n.createdAt, 5) })),
  });

  await createAdmin(tx, { email: DEMO_LOGINS.admin.email, name: DEMO_LOGINS.admin.name, password: DEMO_LOGINS.admin.password });

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
      eventsNextWeek: events.filter((e) => e.startsAt.getTime() >= now.getTime() && e.startsAt.getTime() < weekEnd).length,
      workflowTemplates: templates.size,
      tasks: tasks.length,
      notifications: createdNotifications.length,
      questionnaireTemplates: 1,
      questionnaires: 2,
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
