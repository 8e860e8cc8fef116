import { NextResponse } from "next/server";

// Every API error is an RFC 9457 problem details object (application/problem+json) of one shape:
// type, title, status, detail, and for invalid input `errors`, one entry per message with a JSON
// pointer to its field. The types are anchors of the reference page /docs/api.

export type ProblemType =
  | "unauthenticated"
  | "insufficient-scope"
  | "not-found"
  | "validation"
  | "conflict"
  | "idempotency-key-reused"
  | "rate-limited"
  | "too-large"
  | "unavailable"
  | "internal";

const TITLES: Record<ProblemType, string> = {
  unauthenticated: "Missing, unknown or revoked API token",
  "insufficient-scope": "This token may not do that",
  "not-found": "Not found",
  validation: "The request is not valid",
  conflict: "Conflict",
  "idempotency-key-reused": "Idempotency-Key reused for a different request",
  "rate-limited": "Too many requests",
  "too-large": "The request is too large",
  unavailable: "Temporarily unavailable",
  internal: "Something went wrong",
};

export const PROBLEM_TYPES = Object.keys(TITLES) as ProblemType[];

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { pointer: string; detail: string }[];
};

/** The problem type of each status the write core answers with. */
const TYPE_OF_STATUS: Record<number, ProblemType> = {
  400: "validation",
  401: "unauthenticated",
  403: "insufficient-scope",
  404: "not-found",
  409: "conflict",
  413: "too-large",
  422: "idempotency-key-reused",
  429: "rate-limited",
  503: "unavailable",
};

export function problemTypeOf(status: number): ProblemType {
  return TYPE_OF_STATUS[status] ?? "internal";
}

export function problemResponse(
  status: number,
  detail: string,
  { fieldErrors = {}, headers = {} }: { fieldErrors?: Record<string, string[]>; headers?: Record<string, string> } = {},
): NextResponse {
  const type = problemTypeOf(status);
  const errors = Object.entries(fieldErrors).flatMap(([field, messages]) =>
    messages.map((message) => ({ pointer: `#/${field}`, detail: message })),
  );
  const body: Problem = {
    type: `/docs/api#problem-${type}`,
    title: TITLES[type],
    status,
    detail,
    ...(errors.length > 0 ? { errors } : {}),
  };
  return NextResponse.json(body, { status, headers: { ...headers, "content-type": "application/problem+json" } });
}
