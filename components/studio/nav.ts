import { type NavGroup } from "@/components/studio/app-shell";

// The studio header's navigation as data: a new section is one line in the group it belongs to.

/** Daily work first; templates and settings, visited less often, after it. */
export const STUDIO_NAV: NavGroup[] = [
  {
    label: "Daily work",
    items: [
      ["/dashboard", "Dashboard"],
      ["/leads", "Leads"],
      ["/clients", "Clients"],
      ["/jobs", "Jobs"],
      ["/bookings", "Bookings"],
      ["/invoices", "Invoices"],
      ["/calendar", "Calendar"],
      ["/tasks", "Tasks"],
      ["/referrals", "Referrals"],
      ["/emails", "Emails"],
      ["/reports", "Reports"],
    ],
  },
  {
    label: "Templates and settings",
    items: [
      ["/contracts", "Contracts"],
      ["/questionnaires", "Questionnaires"],
      ["/workflows", "Workflows"],
      ["/settings", "Settings"],
    ],
  },
];

/** The header's "+ New" menu: what each entry creates, and where. */
export const NEW_MENU: readonly (readonly [href: string, label: string])[] = [
  ["/leads/new", "New lead"],
  ["/jobs/new", "New job"],
  ["/contracts/new", "New contract template"],
  ["/questionnaires/new", "New questionnaire"],
  ["/workflows/new", "New workflow"],
];
