import Link from "next/link";

/** The dashboard's warning when an email gave up after its retries. */
export function FailedEmailBanner() {
  return (
    <p role="alert" className="mb-4 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
      One or more emails failed to send.{" "}
      <Link href="/emails" className="font-medium underline">
        See and retry them
      </Link>
    </p>
  );
}
