import { env } from "@/lib/env";

// Every link that leaves the app (emails, client pages, the calendar feed, the embeddable form)
// is absolute and built here from one origin. The origin follows one rule: APP_URL, else
// NEXTAUTH_URL, else (only where there is a request) the host the request came in on.

/** The public origin from the environment, or undefined when neither variable is set. */
export function configuredOrigin(): string | undefined {
  const { APP_URL, NEXTAUTH_URL } = env();
  return (APP_URL ?? NEXTAUTH_URL)?.replace(/\/+$/, "");
}

/** The origin outsiders use to reach this app. Pages, server actions and route handlers only. */
export async function publicOrigin(): Promise<string> {
  const configured = configuredOrigin();
  if (configured) return configured;
  // Loaded here, not at the top: the email worker and test runners build links with this module
  // outside Next.js, where next/headers cannot be resolved.
  const { headers } = await import("next/headers");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}

const at = (origin: string, path: string) => `${origin.replace(/\/+$/, "")}${path}`;

export const proposalUrl = (origin: string, token: string) => at(origin, `/p/${token}`);
export const questionnaireUrl = (origin: string, token: string) => at(origin, `/q/${token}`);
export const invitationUrl = (origin: string, token: string) => at(origin, `/invite/${token}`);
export const signUpUrl = (origin: string) => at(origin, "/sign-up");
export const signInUrl = (origin: string) => at(origin, "/sign-in");
export const forgotPasswordUrl = (origin: string) => at(origin, "/forgot-password");
export const confirmEmailUrl = (origin: string, token: string) => at(origin, `/confirm-email/${token}`);
export const resetPasswordUrl = (origin: string, token: string) => at(origin, `/reset-password/${token}`);
export const inquiryPageUrl = (origin: string, slug: string) => at(origin, `/inquire/${slug}`);
export const inquiryEndpointUrl = (origin: string, slug: string) =>
  at(origin, `/api/inquiries/${encodeURIComponent(slug)}`);
export const calendarFeedUrl = (origin: string, token: string) => at(origin, `/api/calendar/${token}`);
export const jobUrl = (origin: string, jobId: string) => at(origin, `/jobs/${jobId}`);
export const invoiceUrl = (origin: string, token: string) => at(origin, `/i/${token}`);
export const contractUrl = (origin: string, token: string) => at(origin, `/c/${token}`);
export const contractPath = (jobId: string, contractId: string) => `/jobs/${jobId}/contracts/${contractId}`;
/** The calendar's week view starting on `dayKey` (YYYY-MM-DD, the studio's zone). */
export const calendarWeekPath = (dayKey: string) => `/calendar?week=${dayKey}`;
export const jobContractUrl = (origin: string, jobId: string, contractId: string) =>
  at(origin, contractPath(jobId, contractId));
export const leadUrl = (origin: string, leadId: string) => at(origin, `/leads/${leadId}`);
export const leadsUrl = (origin: string) => at(origin, "/leads");
export const accountSettingsUrl = (origin: string) => at(origin, "/settings");
