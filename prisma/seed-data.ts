// The demo studio `npm start` seeds into an empty database: who, what and when, as data. Days are
// relative to today in the studio's time zone; prisma/seed.ts turns them into rows.
import type { JobStatus, LeadStatus } from "./generated/prisma/client";
import type { Question } from "./factories";

export const DEMO_LOGINS = {
  owner: { email: "demo@shootq.local", password: "shootq-demo-2026", name: "Maya Lindqvist" },
  staff: { email: "staff@shootq.local", password: "shootq-demo-2026", name: "Jordan Ellis" },
  admin: { email: "admin@shootq.local", password: "shootq-admin-2026", name: "ShootQ Admin" },
} as const;

export const STUDIO_NAME = "Lumen & Lace Photography";
export const TIME_ZONE = "America/New_York";
export const WEDDINGS = "Lumen & Lace Weddings";
export const PORTRAITS = "Little Lumen Portraits";

export type JobSeed = {
  contact: string;
  email: string;
  phone: string;
  title: string;
  type: "wedding" | "portrait" | "event" | "commercial";
  day: number;
  status: JobStatus;
  events: {
    name: string;
    day: number;
    hour: number;
    minute?: number;
    hours: number;
    isShoot: boolean;
    location: string;
  }[];
  workflow?: { name: "Leather Album" | "Portrait Prints"; completedSteps: number };
  lead?: { status: LeadStatus; daysAgo: number; message: string };
};

const STUDIO = "Lumen & Lace Studio, 41 Orchard St, New York";

// Days are relative to today in the studio's zone: past jobs carry workflow tasks, and several
// events fall in the next seven days so the dashboard's week view is never empty.
export const JOBS: JobSeed[] = [
  {
    contact: "Harper Bennett",
    email: "harper.bennett@example.com",
    phone: "(555) 010-2231",
    title: "Bennett–Alvarez Wedding",
    type: "wedding",
    day: -58,
    status: "COMPLETED",
    events: [
      { name: "Wedding day", day: -58, hour: 14, hours: 9, isShoot: true, location: "Liberty House, Jersey City" },
      { name: "Sales session", day: -30, hour: 18, hours: 1.5, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Leather Album", completedSteps: 2 },
    lead: {
      status: "BOOKED",
      daysAgo: 88,
      message: "We're getting married at Liberty House and adore your candid style!",
    },
  },
  {
    contact: "Olivia Chen",
    email: "olivia.chen@example.com",
    phone: "(555) 010-4418",
    title: "Chen Family Portraits",
    type: "portrait",
    day: -45,
    status: "COMPLETED",
    events: [
      { name: "Family session", day: -45, hour: 10, hours: 1.5, isShoot: true, location: "Prospect Park Boathouse" },
      { name: "Sales session", day: -38, hour: 18, minute: 30, hours: 1, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Portrait Prints", completedSteps: 3 },
    lead: { status: "BOOKED", daysAgo: 70, message: "Hoping to get fall family photos with our two kids and the dog." },
  },
  {
    contact: "Marcus Reid",
    email: "marcus.reid@example.com",
    phone: "(555) 010-7782",
    title: "Hudson Valley Tech Gala",
    type: "event",
    day: -40,
    status: "COMPLETED",
    events: [
      {
        name: "Event coverage",
        day: -40,
        hour: 18,
        hours: 4,
        isShoot: true,
        location: "The Foundry, Long Island City",
      },
    ],
  },
  {
    contact: "Priya Patel",
    email: "priya.patel@example.com",
    phone: "(555) 010-3391",
    title: "Patel–Morgan Wedding",
    type: "wedding",
    day: -24,
    status: "COMPLETED",
    events: [
      { name: "Wedding day", day: -24, hour: 13, hours: 10, isShoot: true, location: "Brooklyn Botanic Garden" },
      { name: "Sales session", day: 2, hour: 18, hours: 1.5, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Leather Album", completedSteps: 1 },
    lead: {
      status: "BOOKED",
      daysAgo: 84,
      message: "Two-day celebration with a sangeet the night before. Do you cover both?",
    },
  },
  {
    contact: "Sofia Martinez",
    email: "sofia.martinez@example.com",
    phone: "(555) 010-6120",
    title: "Martinez Newborn Session",
    type: "portrait",
    day: -12,
    status: "COMPLETED",
    events: [
      { name: "Newborn session", day: -12, hour: 10, hours: 2, isShoot: true, location: "Client's home, Park Slope" },
      { name: "Sales session", day: 4, hour: 17, minute: 30, hours: 1, isShoot: false, location: STUDIO },
    ],
    workflow: { name: "Portrait Prints", completedSteps: 1 },
    lead: { status: "BOOKED", daysAgo: 60, message: "Baby is due next month and we'd love a newborn session." },
  },
  {
    contact: "Daniel Brewster",
    email: "daniel.brewster@example.com",
    phone: "(555) 010-9034",
    title: "Brewster & Co. Team Headshots",
    type: "commercial",
    day: -5,
    status: "COMPLETED",
    events: [
      {
        name: "Headshot session",
        day: -5,
        hour: 9,
        hours: 3,
        isShoot: true,
        location: "Brewster & Co., 200 Varick St",
      },
    ],
    workflow: { name: "Portrait Prints", completedSteps: 0 },
  },
  {
    contact: "Grace Nguyen",
    email: "grace.nguyen@example.com",
    phone: "(555) 010-5547",
    title: "Nguyen–Walsh Wedding",
    type: "wedding",
    day: 6,
    status: "BOOKED",
    events: [
      { name: "Rehearsal dinner", day: 5, hour: 18, hours: 2, isShoot: true, location: "Wave Hill, Bronx" },
      { name: "Wedding day", day: 6, hour: 13, hours: 10, isShoot: true, location: "Wave Hill, Bronx" },
    ],
    lead: {
      status: "BOOKED",
      daysAgo: 89,
      message: "Our wedding is at Wave Hill this season. Is the date still open?",
    },
  },
  {
    contact: "Adaeze Okafor",
    email: "adaeze.okafor@example.com",
    phone: "(555) 010-2876",
    title: "Okafor Family Portraits",
    type: "portrait",
    day: 1,
    status: "BOOKED",
    events: [
      {
        name: "Family session",
        day: 1,
        hour: 16,
        minute: 30,
        hours: 1.5,
        isShoot: true,
        location: "Central Park Conservatory Garden",
      },
    ],
    lead: {
      status: "BOOKED",
      daysAgo: 21,
      message: "Grandparents are visiting from Lagos and we want a three-generation portrait.",
    },
  },
  {
    contact: "Ellen Park",
    email: "ellen.park@example.com",
    phone: "(555) 010-4409",
    title: "Riverside Library Fundraiser",
    type: "event",
    day: 3,
    status: "BOOKED",
    events: [
      {
        name: "Event coverage",
        day: 3,
        hour: 18,
        hours: 3,
        isShoot: true,
        location: "Riverside Library, Upper West Side",
      },
    ],
  },
  {
    contact: "Isabella Rossi",
    email: "isabella.rossi@example.com",
    phone: "(555) 010-8163",
    title: "Rossi–Kim Wedding",
    type: "wedding",
    day: 45,
    status: "BOOKED",
    events: [
      {
        name: "Engagement session",
        day: 5,
        hour: 17,
        minute: 30,
        hours: 1.5,
        isShoot: true,
        location: "DUMBO waterfront",
      },
      { name: "Wedding day", day: 45, hour: 15, hours: 8, isShoot: true, location: "The Foundry, Long Island City" },
    ],
    lead: {
      status: "BOOKED",
      daysAgo: 52,
      message: "Intimate wedding, about 60 guests, industrial venue. Love your film-style edits!",
    },
  },
  {
    contact: "Ava Thompson",
    email: "ava.thompson@example.com",
    phone: "(555) 010-3025",
    title: "Thompson Senior Portraits",
    type: "portrait",
    day: 20,
    status: "BOOKED",
    events: [
      { name: "Senior session", day: 20, hour: 15, hours: 1.5, isShoot: true, location: "Brooklyn Bridge Park" },
    ],
    lead: { status: "BOOKED", daysAgo: 33, message: "Senior portraits for my son, he'd like a few with his guitar." },
  },
  {
    contact: "Chloe Lawson",
    email: "chloe.lawson@example.com",
    phone: "(555) 010-7350",
    title: "Lawson–Reyes Wedding",
    type: "wedding",
    day: 95,
    status: "BOOKED",
    events: [
      {
        name: "Engagement session",
        day: 30,
        hour: 17,
        hours: 1.5,
        isShoot: true,
        location: "Central Park, Bow Bridge",
      },
      { name: "Wedding day", day: 95, hour: 14, hours: 9, isShoot: true, location: "Hudson Valley Barn, Kingston" },
    ],
    lead: { status: "BOOKED", daysAgo: 40, message: "Barn wedding upstate! Do you travel to Kingston?" },
  },
  {
    contact: "Hannah Fischer",
    email: "hannah.fischer@example.com",
    phone: "(555) 010-1198",
    title: "Maple & Main Bakery Brand Shoot",
    type: "commercial",
    day: 60,
    status: "PROPOSED",
    events: [
      { name: "Product shoot", day: 60, hour: 8, hours: 4, isShoot: true, location: "Maple & Main Bakery, Astoria" },
    ],
    lead: {
      status: "PROPOSAL_SENT",
      daysAgo: 9,
      message: "New menu launch: we need product shots and a few of the team at work.",
    },
  },
  {
    contact: "Megan Sullivan",
    email: "megan.sullivan@example.com",
    phone: "(555) 010-6642",
    title: "Sullivan–Hart Wedding",
    type: "wedding",
    day: 140,
    status: "PROPOSED",
    events: [
      { name: "Consultation", day: 9, hour: 19, hours: 1, isShoot: false, location: "Video call" },
      { name: "Wedding day", day: 140, hour: 12, hours: 10, isShoot: true, location: "Montauk Lighthouse" },
    ],
    lead: {
      status: "PROPOSAL_SENT",
      daysAgo: 14,
      message: "Beach wedding in Montauk next spring. Would love to chat!",
    },
  },
  {
    contact: "Lily Foster",
    email: "lily.foster@example.com",
    phone: "(555) 010-2290",
    title: "Foster–Diaz Wedding",
    type: "wedding",
    day: 178,
    status: "LEAD",
    events: [
      { name: "Wedding day", day: 178, hour: 16, hours: 7, isShoot: true, location: "The Green Building, Brooklyn" },
    ],
  },
];

export const WORKFLOWS = {
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

/** A workflow whose steps email the client (no seeded job uses it yet: apply it to one). */
export const EMAIL_WORKFLOW = {
  name: "Wedding countdown",
  steps: [
    {
      name: "What to wear",
      offsetDays: -14,
      anchor: "JOB_DATE" as const,
      email: {
        subject: "What to wear for {{job.title}}, {{client.first_name}}",
        body: "Hi {{client.first_name}},\n\n{{job.title}} on {{job.date}} is two weeks away. Soft, solid colours photograph best; bring a second outfit if you like.\n\nSee you soon,\n{{brand.name}}",
      },
    },
    { name: "Confirm the day's timeline", offsetDays: -7, anchor: "JOB_DATE" as const },
    {
      name: "Thank you",
      offsetDays: 2,
      anchor: "JOB_DATE" as const,
      email: {
        subject: "Thank you, {{client.first_name}}",
        body: "Hi {{client.first_name}},\n\nThank you for having us. Your gallery is on its way.\n\n{{brand.name}}",
      },
    },
  ],
};

// Leads not tied to a job: [first, last, type, status, days ago, event in days].
export const LEADS: [string, string, JobSeed["type"], LeadStatus, number, number | null][] = [
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

export const MESSAGES: Record<JobSeed["type"], string[]> = {
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

export const QUESTIONS: Question[] = [
  { id: "ceremony-venue", kind: "short", label: "Ceremony venue and address" },
  { id: "reception-venue", kind: "short", label: "Reception venue and address" },
  { id: "ceremony-start", kind: "short", label: "What time does the ceremony start?" },
  { id: "rehearsal-date", kind: "date", label: "Rehearsal date" },
  { id: "first-look", kind: "choice", label: "Are you planning a first look?", options: ["Yes", "No", "Not sure yet"] },
  { id: "coordinator", kind: "short", label: "Day-of coordinator name and phone" },
  { id: "family-groups", kind: "long", label: "Family photo groupings you'd like, in order" },
  { id: "notes", kind: "long", label: "Anything else we should know?" },
];

/** Notes on the first contacted leads. */
export const LEAD_NOTES = [
  "Left a voicemail, following up by email on Friday.",
  "Sent the wedding pricing guide. They're touring venues this month.",
  "Call booked for next week to talk through coverage hours.",
  "Asked about albums; sent the Leather Album samples.",
];

/** One questionnaire template, sent to two weddings: one answered, one waiting. */
export const QUESTIONNAIRE = {
  name: "Wedding day details",
  questions: QUESTIONS,
  answered: {
    job: "Nguyen–Walsh Wedding",
    sent: { day: -20, hour: 10 },
    submitted: { day: -3, hour: 21, minute: 15 },
    /** `rehearsal-date` is a day offset, filled in as a date. */
    rehearsalDay: 5,
    answers: {
      "ceremony-venue": "Wave Hill, 4900 Independence Ave, Bronx",
      "reception-venue": "Wave House at Wave Hill",
      "ceremony-start": "4:30 pm",
      "first-look": "Yes",
      coordinator: "Dana Whitfield, (555) 010-3300",
      "family-groups": "Grace + parents; Grace + Tom + both families; grandparents; cousins (quick!)",
      notes: "Tom's grandmother uses a wheelchair, so please keep family photos near the terrace.",
    },
  },
  waiting: { job: "Rossi–Kim Wedding", sent: { day: -2, hour: 9, minute: 30 } },
};

/** Notifications besides one per new lead. */
export const NOTIFICATIONS = [
  {
    kind: "questionnaire.submitted",
    message: "Grace Nguyen submitted Wedding day details",
    job: "Nguyen–Walsh Wedding",
    day: -3,
    hour: 21,
    minute: 15,
  },
  {
    kind: "task.overdue",
    message: "Client Approves Design for Patel–Morgan Wedding is overdue",
    job: "Patel–Morgan Wedding",
    day: -2,
    hour: 17,
    minute: 0,
  },
];
