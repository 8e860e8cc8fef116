import { NotFoundState } from "@/components/ui/not-found-state";

export const metadata = { title: "Link not valid" };

export default function ProposalNotFound() {
  return (
    <NotFoundState
      title="This proposal is no longer available"
      home={{ href: "/", label: "Go to the ShootQ home page" }}
    >
      The link may have expired or been mistyped. Please contact the studio that sent it and ask for a new one.
    </NotFoundState>
  );
}
