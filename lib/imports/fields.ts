import { type ImportKind } from "@/prisma/generated/prisma/enums";

// The fields a CSV column can fill, and the header names other tools export for them. Header
// names assumed (their export formats are not published): HoneyBook's contacts export ("First
// Name", "Last Name", "Email", "Phone", "Project Type", "Project Date", "Lead Source"), Dubsado's
// ("Client First Name", "Client Last Name", "Client Email", "Phone Number", "Project Start Date"),
// ShootQ's own export and plain spreadsheets ("Name", "Email Address", "Event Date", ...).

export const IMPORT_FIELDS = {
  name: "Full name",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  address: "Address",
  notes: "Notes",
  eventType: "Event type",
  eventDate: "Event date",
  source: "Lead source",
  message: "Message",
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;

export const FIELDS_OF: Record<ImportKind, ImportField[]> = {
  CLIENTS: ["name", "firstName", "lastName", "email", "phone", "address", "notes"],
  LEADS: ["name", "firstName", "lastName", "email", "phone", "eventType", "eventDate", "source", "message"],
};

export const IMPORT_KIND_LABELS: Record<ImportKind, { plural: string; one: string; list: string }> = {
  CLIENTS: { plural: "clients", one: "client", list: "/clients" },
  LEADS: { plural: "leads", one: "lead", list: "/leads" },
};

/** Header names (lower-case, letters and digits only) per field, most specific first. */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ["name", "fullname", "clientname", "contactname", "client", "contact", "displayname", "customername"],
  firstName: ["firstname", "first", "givenname", "clientfirstname", "contactfirstname", "fname"],
  lastName: ["lastname", "last", "surname", "familyname", "clientlastname", "contactlastname", "lname"],
  email: ["email", "emailaddress", "email1", "clientemail", "contactemail", "primaryemail", "emailaddress1"],
  phone: ["phone", "phonenumber", "mobile", "mobilephone", "cell", "cellphone", "telephone", "clientphone"],
  address: ["address", "streetaddress", "mailingaddress", "homeaddress", "clientaddress"],
  notes: ["notes", "note", "comments", "clientnotes", "description"],
  eventType: ["projecttype", "eventtype", "sessiontype", "jobtype", "servicetype", "shoottype", "type"],
  eventDate: [
    "eventdate",
    "projectdate",
    "projectstartdate",
    "weddingdate",
    "sessiondate",
    "shootdate",
    "startdate",
    "date",
  ],
  source: ["leadsource", "source", "referralsource", "howdidyouhearaboutus", "howdidyoufindus", "referredby"],
  message: ["message", "inquiry", "inquirymessage", "details", "projectdetails", "notes", "note", "comments"],
};

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * A field per column from the header names ("" for a column left out): each field goes to the
 * first column that names it, so a second "Email" column is not mapped twice.
 */
export function guessMapping(kind: ImportKind, header: string[]): string[] {
  const fields = FIELDS_OF[kind];
  const taken = new Set<string>();
  const mapping = header.map(() => "");
  // Exact names first, in the order of each field's synonyms, then column by column.
  for (const field of fields)
    for (const synonym of SYNONYMS[field]) {
      if (taken.has(field)) break;
      const column = header.findIndex((h, i) => !mapping[i] && key(h) === synonym);
      if (column >= 0) {
        mapping[column] = field;
        taken.add(field);
      }
    }
  // "Full name" and a first/last pair exclude each other: the pair wins (it is the more precise).
  if (taken.has("name") && taken.has("firstName")) mapping[mapping.indexOf("name")] = "";
  return mapping;
}

/** What a row's cells say, per field, with the neutralising apostrophe of a spreadsheet export removed. */
export function cellsOf(mapping: string[], values: string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    if (!field) return;
    const raw = (values[i] ?? "").trim();
    out[field as ImportField] = /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
  });
  return out;
}

/** The person's name: the name column, else first and last name joined. */
export function nameOf(cells: Partial<Record<ImportField, string>>): string {
  return cells.name || [cells.firstName, cells.lastName].filter(Boolean).join(" ");
}

/**
 * A date as spreadsheets and other tools write it, as YYYY-MM-DD: 2027-06-12, 6/12/2027 and
 * 6/12/27 (US order, as HoneyBook and Dubsado export). Null when it is none of these.
 */
export function dayKeyFromCell(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : us
      ? [Number(us[3].length === 2 ? `20${us[3]}` : us[3]), Number(us[1]), Number(us[2])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
