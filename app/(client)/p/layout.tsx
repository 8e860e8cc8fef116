import { ClientShell } from "@/components/pipeline/client-shell";

export default function ProposalLayout({ children }: { children: React.ReactNode }) {
  return <ClientShell>{children}</ClientShell>;
}
