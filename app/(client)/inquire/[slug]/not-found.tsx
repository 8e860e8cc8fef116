import { NotFoundState } from "@/components/ui/not-found-state";

export const metadata = { title: "Link not valid" };

/** An inquiry page for a studio that does not exist (or no longer does): not an expired link. */
export default function InquiryNotFound() {
  return (
    <NotFoundState title="This studio could not be found" home={{ href: "/", label: "Go to the ShootQ home page" }}>
      The address may be mistyped, or the studio has moved its inquiry form. Please check the link on the studio&apos;s
      website.
    </NotFoundState>
  );
}
